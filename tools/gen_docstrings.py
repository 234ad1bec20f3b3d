"""Generates crates/vm/src/docstrings.txt: CPython 3.11's docstrings and
`__text_signature__`s of the builtins, builtin types and the native modules
pyrite implements (run with python3.11 from the repository root).

Record format (one per object): RS key US signature US doc, where RS is
\\x1e and US is \\x1f; a signature or doc of None is the single byte \\x1d.
Keys: `module:math`, `type:int`, `type:collections.deque` (module.qualname
for types outside builtins), `builtins.len` / `math.sqrt` (module
functions), `int.from_bytes` / `collections.deque.append` (a type's own
methods and descriptors).
"""
import builtins
import importlib
import os
import re
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "vm", "src", "docstrings.txt")
NONE = "\x1d"

# Descriptor kinds whose documentation lives in C (what pyrite's native
# functions and descriptors stand for).
NATIVE_KINDS = (
    types.BuiltinFunctionType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
    types.WrapperDescriptorType,
    types.GetSetDescriptorType,
    types.MemberDescriptorType,
)


def native_module_names():
    src = open(os.path.join(ROOT, "crates", "vm", "src", "modules", "mod.rs")).read()
    return ["builtins", "sys"] + re.findall(r'ModuleDef \{ name: "([^"]+)"', src)


def type_key(t):
    mod = t.__module__
    return t.__qualname__ if mod == "builtins" else f"{mod}.{t.__qualname__}"


def field(v):
    if v is None or not isinstance(v, str):
        return NONE
    for bad in "\x1d\x1e\x1f":
        assert bad not in v, v
    return v


records = {}


def add(key, obj):
    doc = getattr(obj, "__doc__", None)
    sig = getattr(obj, "__text_signature__", None)
    entry = (field(sig), field(doc))
    if entry != (NONE, NONE):
        records.setdefault(key, entry)


seen_types = set()


def add_type(t, native=False):
    # Only C types: those a native module names (some are heap types made
    # from a spec) and static ones; other heap types carry their own docs.
    if t in seen_types or not native and t.__flags__ & (1 << 9):
        return
    seen_types.add(t)
    tk = type_key(t)
    add("type:" + tk, t)
    for name, v in t.__dict__.items():
        if isinstance(v, NATIVE_KINDS):
            add(f"{tk}.{name}", v)
        elif isinstance(v, (staticmethod, classmethod)) and isinstance(v.__func__, types.BuiltinFunctionType):
            add(f"{tk}.{name}", v.__func__)
        elif isinstance(v, type):
            add_type(v)


def add_module(name):
    try:
        m = importlib.import_module(name)
    except ImportError:
        return
    add("module:" + name, m)
    for attr, v in vars(m).items():
        if isinstance(v, types.BuiltinFunctionType) and (v.__self__ is None or isinstance(v.__self__, types.ModuleType)):
            add(f"{name}.{attr}", v)
        elif isinstance(v, type) and v.__module__ in (name, name.lstrip("_")):
            add_type(v, native=True)
        elif isinstance(v, type):
            add_type(v)


for mod in native_module_names():
    add_module(mod)
# Builtin types that no module names (function, code, frame, iterators, ...).
for v in list(vars(types).values()):
    if isinstance(v, type):
        add_type(v)
for obj in [iter([]), iter(()), iter(""), iter({}), iter(set()), iter(range(1)), iter(b""), iter(bytearray()),
            reversed([]), {}.keys(), {}.values(), {}.items(), iter({}.keys()), iter({}.values()), iter({}.items()),
            reversed({}), reversed({}.keys()), reversed({}.values()), reversed({}.items()), iter(range(1 << 70)),
            (x for x in ()), iter(lambda: 0, 1), NotImplemented, Ellipsis, None, memoryview(b"").__iter__ if hasattr(memoryview, "__iter__") else None]:
    add_type(type(obj))
for t in object.__subclasses__():
    add_type(t)

with open(OUT, "w", encoding="utf-8", newline="") as f:
    # Module records first, then types: the VM finds a module's doc (sys's at
    # start-up) and the builtin types' docs by scanning from the start,
    # without building the whole table.
    def rank(key):
        return 0 if key.startswith("module:") else 1 if key.startswith("type:") else 2

    for key in sorted(records, key=lambda k: (rank(k), k)):
        sig, doc = records[key]
        f.write(f"\x1e{key}\x1f{sig}\x1f{doc}")
print(f"{len(records)} records, {os.path.getsize(OUT)} bytes -> {OUT}", file=sys.stderr)
