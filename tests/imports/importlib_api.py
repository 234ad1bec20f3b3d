# importlib's API on top of pyrite's import system: meta-path finders,
# path hooks, reload, find_spec, module_from_spec, spec_from_file_location, pkgutil.
import sys, importlib, importlib.machinery, importlib.util, types

class Finder:
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith('virtual'):
            print('find_spec', fullname, path)
            return importlib.util.spec_from_loader(fullname, Loader(), is_package=fullname == 'virtual')
        return None

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        print('exec', module.__name__, module.__spec__.name)
        module.answer = len(module.__name__)

sys.meta_path.insert(0, Finder())
import virtual
import virtual.sub as vs
print(virtual.answer, vs.answer, virtual.__loader__.__class__.__name__, virtual.__path__)
from virtual import other
print(other.answer)
import _il_mod as modx
print(modx.X, type(modx.__loader__).__name__, modx.__spec__.origin.rsplit('/', 1)[-1])
try:
    import virtuall_missing_zzz
except ImportError as e:
    print(type(e).__name__, e)
sys.meta_path.pop(0)
try:
    import virtual2
except ImportError as e:
    print(type(e).__name__, e, e.name)

# reload
import _il_pkg as pkgx
pkgx.VAL = 99
importlib.reload(pkgx)
print(pkgx.VAL)
print(importlib.import_module('.mod_a', '_il_pkg').Y, importlib.import_module('_il_pkg.inner').X)
try:
    importlib.import_module('.x')
except TypeError as e:
    print(e)
reloaded = importlib.reload(modx)
print(reloaded is modx, modx.COUNT)
try:
    importlib.reload(42)
except TypeError as e:
    print(e)
spec = importlib.util.spec_from_file_location('loaded_by_path', __file__.rsplit('/', 1)[0] + '/_il_mod.py')
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.X, mod.__name__, 'loaded_by_path' in sys.modules, type(spec.loader).__name__)
print(importlib.util.find_spec("_il_pkg").submodule_search_locations[0].rsplit('/', 1)[-1])
print(importlib.util.find_spec('nope_zz'))
try:
    importlib.import_module('nope_zz')
except ModuleNotFoundError as e:
    print(e)
print(importlib.import_module('os.path').__name__)
print(importlib.util.resolve_name('.a', 'pkg'))
import pkgutil
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([__file__.rsplit('/', 1)[0] + '/_il_pkg'])))
import _il_pkg
print([m.name for m in pkgutil.walk_packages(_il_pkg.__path__, '_il_pkg.')])
print(pkgutil.get_data('_il_pkg', 'mod_a.py'))
# path hook
class Hook:
    def __init__(self, path):
        if not path.endswith('.magic'):
            raise ImportError
        self.path = path
    def find_spec(self, fullname, target=None):
        print('hook find', fullname)
        return importlib.util.spec_from_loader(fullname, Loader())
sys.path_hooks.insert(0, Hook)
sys.path.insert(0, '/nowhere.magic')
import magicmod
print(magicmod.answer, type(sys.path_importer_cache['/nowhere.magic']).__name__)
