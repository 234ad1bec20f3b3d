import os

key = "PYRITE_TEST_VARIABLE"
print(key in os.environ, os.environ.get(key), os.getenv(key, "default"))
os.environ[key] = "value one"
print(os.environ[key], os.getenv(key), os.environb[key.encode()])
os.environ[key] = "changed"
print(os.environ[key])
del os.environ[key]
print(key in os.environ, os.environ.get(key, "gone"))
try:
    os.environ[key]
except KeyError as e:
    print("KeyError", e)
os.environ.setdefault(key, "set by default")
print(os.environ.pop(key), key in os.environ)
for bad in [lambda: os.environ.__setitem__(key, 5), lambda: os.environ.__setitem__(5, "x"), lambda: os.putenv("", "x"),
            lambda: os.putenv("A=B", "x"), lambda: os.putenv("A\0", "x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(type(os.environ).__name__, "PATH" in os.environ, isinstance(os.environ.copy(), dict))
os.environ.update({key + "_A": "a", key + "_B": "b"})
print(sorted(k for k in os.environ if k.startswith(key)))
os.unsetenv(key + "_A")
del os.environ[key + "_A"], os.environ[key + "_B"]
print(sorted(k for k in os.environ if k.startswith(key)))
