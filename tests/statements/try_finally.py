# try/except/else/finally interactions, return/break in finally.
def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False), order(True))
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())
def return_value_kept():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_kept())
def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError as e:
            raise ValueError("outer") from e
    except ValueError as e:
        return repr(e), repr(e.__cause__), e.__suppress_context__
print(nested())
def context_chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError("k")
    except KeyError as e:
        return repr(e.__context__), e.__cause__, e.__suppress_context__
print(context_chain())
def from_none():
    try:
        try:
            {}["a"]
        except KeyError:
            raise ValueError("clean") from None
    except ValueError as e:
        return e.__cause__, repr(e.__context__), e.__suppress_context__
print(from_none())
def multi(exc):
    try:
        raise exc
    except (TypeError, KeyError) as e:
        return "tuple " + type(e).__name__
    except LookupError as e:
        return "lookup " + type(e).__name__
    except Exception:
        return "generic"
print(multi(KeyError()), multi(IndexError()), multi(TypeError()), multi(ZeroDivisionError()))
def name_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(name_cleared())
def reraise():
    try:
        try:
            raise OSError("disk")
        except OSError:
            raise
    except OSError as e:
        return repr(e)
print(reraise())
try:
    raise RuntimeError("bare")
except:
    print("bare except")
try:
    raise ValueError("a")
except ValueError as e:
    try:
        raise TypeError("b")
    except TypeError as e2:
        print(repr(e2.__context__))
