# warnings.warn output on stderr: category, message, file:line and the
# source line; stacklevel; once-per-location filtering; warnings turned into
# errors and their traceback.
import warnings


def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def user_warning():
    warnings.warn("careful")


def caller():
    deprecated_api()


warnings.simplefilter("default")
user_warning()
user_warning()
caller()
warnings.warn("a runtime warning", RuntimeWarning)
warnings.warn(UserWarning("an instance"))
warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 12)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    user_warning()
    caller()
for w in caught:
    print(w.category.__name__, w.message, w.lineno, w.filename.endswith("warnings_output.py"))
print(warnings.formatwarning("fmt", FutureWarning, "f.py", 3, "line = 1"), end="")

warnings.simplefilter("error")
try:
    user_warning()
except UserWarning as e:
    print("raised:", e)
