# _imp, the native half of importlib.
import _imp, sys
print(sorted(n for n in dir(_imp) if not n.startswith('__')))
print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('_imp'), _imp.is_builtin('os'), _imp.is_builtin('nope'))
for name in ('os', 'os.path', 'runpy', 'importlib.util', '_frozen_importlib', 'zipimport', 'json', 'nope'):
    print(name, _imp.is_frozen(name), _imp.find_frozen(name))
print(_imp.is_frozen_package('os'))
try:
    _imp.is_frozen_package('json')
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    _imp.get_frozen_object('json')
except ImportError as e:
    print(type(e).__name__, e)
code = _imp.get_frozen_object('stat')
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
print(ns['S_ISDIR'](0o040755), ns['filemode'](0o100644))
print(_imp.extension_suffixes())
print(_imp.check_hash_based_pycs)
print(_imp.source_hash(0, b''), _imp.source_hash(2**32, b'print(1)\n'), _imp.source_hash(-1, bytearray(b'xyz')))
print(_imp.lock_held())
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); _imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print(type(e).__name__, e)
import importlib.machinery as m
spec = m.BuiltinImporter.find_spec('itertools')
print(spec.name, spec.origin, spec.loader is m.BuiltinImporter)
math2 = _imp.create_builtin(spec)
r = _imp.exec_builtin(math2)
print(math2.__name__, r, list(math2.repeat(1, 2)))
print(_imp.create_builtin(m.ModuleSpec('sys', None)) is sys)
for bad in (1, None):
    try:
        _imp.is_builtin(bad)
    except TypeError as e:
        print(e)
print(m.FrozenImporter.find_spec('stat').loader_state.origname)
print(m.BuiltinImporter.find_spec('os'), m.FrozenImporter.find_spec('nope'))
try:
    _imp.source_hash(2**64, b'')
except OverflowError as e:
    print(e)
