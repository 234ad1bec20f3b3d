# Importing a module with a syntax error: the SyntaxError names the module's
# file and line, with the caret, and is raised at the import statement.
import os
import sys
import traceback

sys.dont_write_bytecode = True
path = "_broken_module_for_test.py"
with open(path, "w") as f:
    f.write("def ok():\n    return 1\n\ndef broken(:\n    pass\n")
try:
    try:
        import _broken_module_for_test
    except SyntaxError as e:
        print(os.path.basename(e.filename), e.lineno, e.offset, repr(e.text))
        print("".join(traceback.format_exception_only(e)), end="")
finally:
    os.remove(path)
