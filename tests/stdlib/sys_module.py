import sys

print(sys.version_info, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(type(sys.version_info).__name__, sys.hexversion, sys.api_version)
print(sys.version.startswith("3.11.7 ("), sys.copyright.splitlines()[0])
impl = sys.implementation
print(type(impl).__name__, impl.version == sys.version_info, impl.hexversion == sys.hexversion, impl._multiarch)
print(sys.flags.optimize, sys.flags.verbose, sys.flags.dev_mode, sys.flags.int_max_str_digits, len(sys.flags))
print(type(sys.flags).__name__, sys.flags.hash_randomization)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info, sys.int_info.bits_per_digit)
print(sys.hash_info)
print(sys.hash_info.modulus == 2**61 - 1, hash(float("inf")) == sys.hash_info.inf)
print(sys.thread_info.name, len(sys.thread_info))
print(sys.maxunicode, sys.maxsize, sys.byteorder, sys.platform)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(type(sys.stdlib_module_names).__name__, "os" in sys.stdlib_module_names, "pyrite" in sys.stdlib_module_names,
      len(sys.stdlib_module_names))
print(sys.abiflags == "", sys.float_repr_style, sys.is_finalizing(), sys.platlibdir)
print(type(sys.executable).__name__, sys.prefix == sys.base_prefix, sys.exec_prefix == sys.prefix)
print(sys.warnoptions, sys._xoptions, type(sys.orig_argv).__name__)
print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in [0, -1, "x"]:
    try:
        sys.setswitchinterval(bad)
    except Exception as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.005)
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
sys.displayhook(None)
sys.displayhook(42)
sys.displayhook("text")
import builtins
print(builtins._)
print(sys.gettrace(), sys.getprofile())
def tracer(*a): return None
sys.settrace(None)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
print(sys.call_tracing(lambda a, b: a + b, (2, 3)))
try:
    sys.call_tracing(len, [1])
except TypeError as e:
    print("TypeError", e)
events = []
sys.addaudithook(lambda ev, args: events.append((ev, args)) if ev.startswith("my.") else None)
sys.audit("my.event", 1, "two")
sys.audit("other.event")
print(events)
try:
    sys.audit(5)
except TypeError as e:
    print("TypeError", e)
print(sys.getsizeof(0) > 0, sys.getsizeof(object(), 7) >= 0)
class NoSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(NoSize())
except ValueError as e:
    print("ValueError", e)
print(sys.getrecursionlimit(), sys.dont_write_bytecode in (True, False))
try:
    sys.excepthook(ValueError, ValueError("shown on stderr"), None)
except Exception as e:
    print("unexpected", e)
print(sys.version_info.__reduce__()[0] is type(sys.version_info))
try:
    sys.version_info.major = 4
except AttributeError as e:
    print("AttributeError", e)
