# The source lines of a traceback are read in the file's declared encoding
# (coding cookie on line 1 or 2, or a UTF-8 BOM), as CPython's
# _Py_DisplaySourceLine does.
import io
import os
import sys
import tempfile

SOURCES = {
    "mod_latin1": ("latin-1", "# -*- coding: latin-1 -*-\n", "h\xe9 ho"),
    "mod_shebang": ("iso-8859-1", "#!/usr/bin/env python\n# coding: iso-8859-1\n", "caf\xe9 cr\xe8me"),
    "mod_cp1252": ("cp1252", "# coding: cp1252\n", "\u20ac and \u2019quotes\u2019"),
    "mod_utf8": ("utf-8", "# coding: utf-8\n", "\u4e02\u5100 \U0001f40d"),
    "mod_bom": ("utf-8-sig", "", "bom \xe9"),
    "mod_plain": ("utf-8", "", "plain \xfc"),
}

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)
for name, (encoding, header, text) in SOURCES.items():
    with open(os.path.join(folder, name + ".py"), "w", encoding=encoding) as f:
        f.write(header + "def boom():\n    x = 1\n    raise RuntimeError('" + text + "')\n")


def report(exc):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


try:
    for name in SOURCES:
        module = __import__(name)
        try:
            module.boom()
        except RuntimeError as e:
            text = report(e).replace(folder, "DIR").replace(__file__, "FILE")
            print(text.encode("ascii", "backslashreplace").decode())
finally:
    for name in SOURCES:
        os.remove(os.path.join(folder, name + ".py"))
    import shutil
    shutil.rmtree(folder, ignore_errors=True)
