# Modules CPython 3.11 freezes: spec, loader, file attributes, reprs, and
# tracebacks through their functions naming "<frozen NAME>".
import os, sys, stat, codecs, io, abc, genericpath, posixpath, traceback

for m in (os, os.path, stat, codecs, io, abc, genericpath):
    spec = m.__spec__
    print(m.__name__, repr(m), spec.name, spec.origin, spec.has_location, spec.cached,
          spec.submodule_search_locations, "__cached__" in vars(m),
          m.__file__.rsplit("/", 1)[-1], spec.loader_state.origname,
          spec.loader_state.filename == m.__file__)
print(os.path is posixpath, sys.modules["os.path"] is posixpath)
print(os.makedirs.__code__.co_filename, os.path.join.__code__.co_filename)
print(genericpath.exists.__code__.co_filename)

# A traceback passing through os: frames named <frozen os>, no source lines.
def make_under_file():
    os.makedirs(__file__ + "/sub/dir")

try:
    make_under_file()
except NotADirectoryError:
    traceback.print_exc()

try:
    os.path.join(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_frame.f_code.co_name)

import importlib.machinery, importlib.util
print(os.__loader__, importlib.machinery.FrozenImporter is os.__loader__)
print(importlib.util.find_spec("os"))
print(importlib.util.__spec__, importlib.util.__file__.rsplit("/", 2)[-2:])
print(importlib.machinery.FrozenImporter.find_spec("runpy"))
print(importlib.machinery.FrozenImporter.find_spec("json"))

def walk():
    for _ in os.walk(42):
        pass

walk()
