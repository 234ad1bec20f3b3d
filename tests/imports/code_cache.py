# The compiled-code cache: a cached module is reused only while its source is
# unchanged; edits, damaged cache files and sys.dont_write_bytecode are honoured.
import os
import shutil
import sys

root = os.path.abspath("_tmp_code_cache")
shutil.rmtree(root, ignore_errors=True)
os.mkdir(root)
sys.path.insert(0, root)
sys.dont_write_bytecode = False


def write(name, text, mtime_shift=0):
    path = os.path.join(root, name + ".py")
    with open(path, "w") as f:
        f.write(text)
    if mtime_shift:
        st = os.stat(path)
        os.utime(path, (st.st_atime + mtime_shift, st.st_mtime + mtime_shift))
    return path


def cache_of(name):
    return os.path.join(root, "__pycache__", f"{name}.{sys.implementation.cache_tag}.pyc")


def fresh_import(name):
    sys.modules.pop(name, None)
    return __import__(name)


try:
    write("cc_mod", "X = 1\ndef f():\n    return [X, 'caf\\u00e9', b'\\x00', 2**80, 1.5j, (1, (2, frozenset({3})))]\n")
    m = fresh_import("cc_mod")
    print(m.X, m.f(), os.path.exists(cache_of("cc_mod")))

    # Loaded again: from the cache, same behaviour.
    m = fresh_import("cc_mod")
    print(m.X, m.f())

    # The source changes (size and time): the cache is stale and rebuilt.
    write("cc_mod", "X = 222\ndef f():\n    return X * 2\n", mtime_shift=10)
    m = fresh_import("cc_mod")
    print(m.X, m.f())

    # A damaged cache file is ignored and replaced.
    with open(cache_of("cc_mod"), "wb") as f:
        f.write(b"\x00garbage" * 3)
    m = fresh_import("cc_mod")
    print(m.X, m.f(), os.path.getsize(cache_of("cc_mod")) > 24)

    # Errors in a module are still reported with its source line, cached or not.
    write("cc_err", "def boom():\n    return 1 / 0\n")
    for attempt in range(2):
        e = fresh_import("cc_err")
        try:
            e.boom()
        except ZeroDivisionError as exc:
            tb = exc.__traceback__.tb_next
            print(attempt, type(exc).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)

    # sys.dont_write_bytecode: nothing is written.
    sys.dont_write_bytecode = True
    write("cc_nowrite", "Y = 5\n")
    n = fresh_import("cc_nowrite")
    print(n.Y, os.path.exists(cache_of("cc_nowrite")))
finally:
    shutil.rmtree(root)
