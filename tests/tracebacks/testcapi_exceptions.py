# _testcapi's exception helpers: raise_exception (PyErr_SetObject with an
# args tuple), raise_memoryerror (PyErr_NoMemory), make_exception_with_doc
# (PyErr_NewExceptionWithDoc) and the module's `error` class; then an
# uncaught one, printed by the interpreter.
import sys
import traceback
import _testcapi


def attempt(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e, e.args)
        return e
    print("no exception")


class NeedsNoArgs(Exception):
    def __init__(self):
        super().__init__("made")


class FailsInInit(Exception):
    def __init__(self, *args):
        raise RuntimeError("can't instantiate")


class NotAnException:
    pass


for cls, n in [(ValueError, 0), (ValueError, 3), (KeyError, 1), (NeedsNoArgs, 0), (NeedsNoArgs, 1),
               (FailsInInit, 2), (NotAnException, 1), (3, 1), (ValueError, "a"), (ValueError, 2**40)]:
    attempt(_testcapi.raise_exception, cls, n)
attempt(_testcapi.raise_exception, ValueError, 1, x=1)
attempt(_testcapi.raise_exception, ValueError)

e = attempt(_testcapi.raise_exception, OSError, 2)
print(type(e).__name__, e.errno, e.strerror)
print("".join(traceback.format_tb(e.__traceback__)), end="")

e = attempt(_testcapi.raise_memoryerror)
print(repr(e), e.__traceback__.tb_next)
attempt(_testcapi.raise_memoryerror, 1)

print(_testcapi.error, _testcapi.error.__mro__, _testcapi.error.__module__)
attempt(_testcapi.make_exception_with_doc, "nodot")
attempt(_testcapi.make_exception_with_doc, "a.b", "doc\0nul")
attempt(_testcapi.make_exception_with_doc, 5)
attempt(_testcapi.make_exception_with_doc, "a.b", base=3)
attempt(_testcapi.make_exception_with_doc)
attempt(_testcapi.make_exception_with_doc, "a.b", "doc", None, None, 5)
attempt(_testcapi.make_exception_with_doc, "a.b", nope=1)
plain = _testcapi.make_exception_with_doc("pkg.mod.Plain")
print(plain, plain.__module__, plain.__doc__, plain.__mro__)
documented = _testcapi.make_exception_with_doc("pkg.Documented", "A documented error.", base=KeyError)
print(documented, documented.__doc__, documented.__mro__)
ns = {"extra": 1}
both = _testcapi.make_exception_with_doc("m.Both", "", (documented, plain), ns)
print(both.__mro__, repr(both.__doc__), both.extra, sorted(ns))
kept = _testcapi.make_exception_with_doc("m.Kept", dict={"__module__": "elsewhere"})
print(kept, kept.__module__)
print(issubclass(both, KeyError), isinstance(both(1), plain))

_testcapi.raise_exception(documented, 2)
