# Exception classes: constructor arguments and the attributes they set (OSError
# subclass selection, file names leaving args, BlockingIOError.characters_written,
# SyntaxError, ImportError, StopIteration...), str/repr, docstrings, pickling hooks.
import sys
def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
show("oserror 2args", lambda: (OSError(2, "x").errno, OSError(2, "x").strerror, str(OSError(2, "x")), type(OSError(2, "x")).__name__))
show("oserror 3args", lambda: str(OSError(2, "x", "f")))
show("oserror 5args", lambda: str(OSError(2, "x", "f", None, "g")))
show("fnf", lambda: type(OSError(2, "x")))
show("oserror args", lambda: OSError(2, "x", "f").args)
show("unicode dec", lambda: str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")))
show("unicode enc", lambda: str(UnicodeEncodeError("ascii", "\xe9", 0, 1, "bad")))
show("unicode tr", lambda: str(UnicodeTranslateError("\xe9", 0, 1, "bad")))
show("unicode dec range", lambda: str(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")))
show("keyerror", lambda: (str(KeyError()), str(KeyError(1, 2)), repr(KeyError("a"))))
show("stopiter", lambda: (StopIteration(1, 2).value, StopIteration().value))
show("sysexit", lambda: (SystemExit(1, 2).code, SystemExit().code, SystemExit(3).code))
show("importerror", lambda: (ImportError("m", name="n", path="p").name, str(ImportError("m", name="n")), repr(ImportError("m", name="n"))))
show("importerror bad kw", lambda: ImportError("m", foo=1))
show("attr err", lambda: (AttributeError("x", name="n", obj=1).name, AttributeError("x").obj))
show("nameerr", lambda: NameError("x", name="n").name)
show("exc kw", lambda: Exception(a=1))
show("base repr", lambda: (repr(BaseException()), repr(BaseException(1)), repr(BaseException(1, 2)), repr(ValueError("a,b"))))
show("with_tb", lambda: ValueError().with_traceback(None).__traceback__)
show("with_tb bad", lambda: ValueError().with_traceback(1))
show("tb set bad", lambda: setattr(ValueError(), "__traceback__", 1))
show("cause bad", lambda: setattr(ValueError(), "__cause__", 1))
show("context bad", lambda: setattr(ValueError(), "__context__", 1))
show("args set", lambda: (lambda e: (setattr(e, "args", [1, 2]), e.args))(ValueError()))
show("notes bad", lambda: ValueError().add_note(1))
show("notes notlist", lambda: (lambda e: (setattr(e, "__notes__", 1), e.add_note("x")))(ValueError()))
show("reduce", lambda: ValueError(1, 2).__reduce__())
show("reduce dict", lambda: (lambda e: (setattr(e, "foo", 1), e.__reduce__()))(ValueError(1)))
show("setstate", lambda: (lambda e: (e.__setstate__({"a": 1}), e.a))(ValueError()))
show("setstate bad", lambda: ValueError().__setstate__(1))
show("oserror errno map", lambda: [type(OSError(n, "x")).__name__ for n in (1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 3, 36)])
show("oserror subclass init", lambda: FileNotFoundError(2, "x", "f").filename)
show("blocking", lambda: BlockingIOError(11, "x", 5).characters_written)
show("blocking no", lambda: BlockingIOError(11, "x").characters_written)
show("syntax err attrs", lambda: (lambda e: (e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line))(SyntaxError("m", ("f", 1, 2, "t", 3, 4))))
show("syntax err badtuple", lambda: SyntaxError("m", ("f", 1)))
show("syntax err 3", lambda: SyntaxError("m", 1, 2).args)
show("eg", lambda: ExceptionGroup("m", [ValueError()]).__class__.__name__)
show("base eg", lambda: BaseExceptionGroup("m", [ValueError()]).__class__.__name__)
show("str err", lambda: str(UnicodeDecodeError("utf-8", b"\xff", 5, 6, "bad")))
show("mro", lambda: [c.__name__ for c in TimeoutError.__mro__])
show("exc doc", lambda: (ValueError.__doc__, OSError.__doc__, BaseException.__doc__))
show("exc module", lambda: (ValueError.__module__, ValueError.__qualname__))
show("dict", lambda: ValueError().__dict__)
show("suppress", lambda: ValueError().__suppress_context__)
def cw():
    e = BlockingIOError(11, "x", 5)
    out = [e.characters_written, e.filename, e.args, str(e)]
    e.characters_written = 7
    out.append(e.characters_written)
    del e.characters_written
    try:
        e.characters_written
    except AttributeError as ex:
        out.append(str(ex))
    try:
        del e.characters_written
    except AttributeError as ex:
        out.append(str(ex))
    try:
        e.characters_written = "s"
    except TypeError as ex:
        out.append(str(ex))
    try:
        BlockingIOError(11, "x", 1.5)
    except TypeError as ex:
        out.append(str(ex))
    out.append(BlockingIOError(11, "x", "name").filename)
    return out
show("cw", cw)
show("docs", lambda: [(k, getattr(__builtins__, k).__doc__) for k in ("ValueError", "OSError", "ExceptionGroup", "KeyError", "StopIteration", "TimeoutError")])
class MyErr(Exception): pass
show("subclass doc", lambda: MyErr.__doc__)
show("oserror args none", lambda: (OSError(2,'x',None).args, OSError(2,'x',None,None,'f2').filename2, OSError(2,'x','f',None,'f2').args, str(OSError(2,'x','f',None,'f2'))))
class B(BlockingIOError): pass
show("blocking subclass", lambda: (B(11,'x',5).filename, B(11, 'x', 5).args))
show("oserror 6 args", lambda: (OSError(1,2,3,4,5,6).args, OSError(1,2,3,4,5,6).errno))
