# Namespace packages: folders without __init__.py.
import _nspkg.part
import _nspkg.inner.deep

print(_nspkg.part.PART)
print(_nspkg.inner.deep.DEEP)
print(_nspkg.__file__, _nspkg.__spec__.origin, _nspkg.__package__, _nspkg.inner.__package__)
print([p.rsplit("/", 1)[-1] for p in _nspkg.__path__])
print(hasattr(_nspkg, "__builtins__"), _nspkg.__spec__.name, _nspkg.inner.deep.__spec__.parent)
print(repr(_nspkg.part).split(" from ")[0])
