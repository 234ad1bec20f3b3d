# CPython's import error messages and the exceptions' attributes.
import sys


def show(e):
    here = __file__.rsplit("/", 1)[0]
    print(type(e).__name__ + ":", str(e).replace(here, "DIR"))
    if isinstance(e, ImportError):
        print("   name =", e.name, "path =", None if e.path is None else e.path.replace(here, "DIR"))


def attempt(f):
    try:
        f()
    except Exception as e:
        show(e)
    else:
        print("no error:", f.__doc__)


sys.modules["_blocked"] = None


def case1():
    'import _does_not_exist'
    import _does_not_exist


attempt(case1)


def case2():
    'import _does_not_exist.sub'
    import _does_not_exist.sub


attempt(case2)


def case3():
    'import _helper.sub'
    import _helper.sub


attempt(case3)


def case4():
    'from _helper import nothing'
    from _helper import nothing


attempt(case4)


def case5():
    'from _nspkg import nothing'
    from _nspkg import nothing


attempt(case5)


def case6():
    'import _pkg.nothing'
    import _pkg.nothing


attempt(case6)


def case7():
    'from _pkg import nothing'
    from _pkg import nothing


attempt(case7)


def case8():
    'from _pkg.sub.nothing import x'
    from _pkg.sub.nothing import x


attempt(case8)


def case9():
    'import _pkg._beyond'
    import _pkg._beyond


attempt(case9)


def case10():
    'import _pkg._missing_from'
    import _pkg._missing_from


attempt(case10)


def case11():
    'from . import x'
    from . import x


attempt(case11)


def case12():
    'from .x import y'
    from .x import y


attempt(case12)


def case13():
    "__import__('')"
    __import__('')


attempt(case13)


def case14():
    '__import__(1)'
    __import__(1)


attempt(case14)


def case15():
    "__import__('_helper', level=-1)"
    __import__('_helper', level=-1)


attempt(case15)


def case16():
    "__import__('_helper', fromlist=[1])"
    __import__('_helper', fromlist=[1])


attempt(case16)


def case17():
    "__import__('_pkg', fromlist=[1])"
    __import__('_pkg', fromlist=[1])


attempt(case17)


def case18():
    "__import__('sub', {}, None, [], 1)"
    __import__('sub', {}, None, [], 1)


attempt(case18)


def case19():
    "__import__('sub', {'__name__': 3}, None, [], 1)"
    __import__('sub', {'__name__': 3}, None, [], 1)


attempt(case19)


def case20():
    "__import__('sub', {'__package__': 3}, None, [], 1)"
    __import__('sub', {'__package__': 3}, None, [], 1)


attempt(case20)


def case21():
    'import _blocked'
    import _blocked


attempt(case21)


def case22():
    'import _raises'
    import _raises


attempt(case22)
print("_raises" in sys.modules)
attempt(case22)
try:
    import _bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    print(e.filename.rsplit("/", 1)[-1], e.args[0], e.args[1][1:])
    print(str(e))
try:
    import _bad_indent
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(e)
print("_bad_syntax" in sys.modules)
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print(isinstance(e, ImportError), e.args, e.msg)
try:
    import _pkg_broken.fine
except RuntimeError as e:
    print("RuntimeError", e, "_pkg_broken" in sys.modules, "_pkg_broken.fine" in sys.modules)
try:
    from _pkg import needs_missing
except ModuleNotFoundError as e:
    print(e, e.name, "_pkg.needs_missing" in sys.modules, hasattr(sys.modules["_pkg"], "needs_missing"))
try:
    import _pkg.sub.other.deeper
except ModuleNotFoundError as e:
    print(e, e.name)
