import sys, json, copy, pickle, reprlib
def nest_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
def nest_dict(n):
    x = {}
    for _ in range(n):
        x = {"k": x}
    return x
for n in [100, 5000, 100000]:
    for name, mk in [("list", nest_list), ("dict", nest_dict)]:
        obj = mk(n)
        for op_name, op in [("repr", repr), ("str", str), ("json", json.dumps), ("eq", lambda o: o == mk(n)), ("deepcopy", copy.deepcopy), ("pickle", lambda o: pickle._loads(pickle._dumps(o)) == o), ("hash-tuple", lambda o: None), ("reprlib", reprlib.repr)]:
            try:
                r = op(obj)
                print(n, name, op_name, "ok", type(r).__name__, len(r) if isinstance(r, str) else r if isinstance(r, bool) else "")
            except RecursionError as e:
                print(n, name, op_name, "RecursionError", str(e)[:60])
            except Exception as e:
                print(n, name, op_name, type(e).__name__, e)
t = ()
for _ in range(100000):
    t = (t,)
for op in [repr, hash, lambda o: o == o, lambda o: o < o, json.dumps]:
    try:
        op(t); print("ok")
    except RecursionError as e:
        print("RecursionError", e)
s = json.dumps(nest_list(50))
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("json loads", type(e).__name__, e)
print(json.loads(s) == nest_list(50))
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(e)
class G:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    G().x
except RecursionError as e:
    print(e)
class E:
    def __eq__(self, o):
        return self == o
try:
    E() == E()
except RecursionError as e:
    print(e)
a = []; a.append(a)
d = {}; d["self"] = d
print(a, d, repr(a) == "[[...]]", str([a, d]))
try:
    print(a == a, [a] == [a])
except RecursionError as e:
    print("eq", e)
b = []; b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print("eq2", e)
print(copy.deepcopy(a)[0][0][0] is not a, pickle.loads(pickle.dumps(d))["self"]["self"].keys())
try:
    json.dumps(a)
except ValueError as e:
    print(e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
def g(n): return 0 if n == 0 else 1 + g(n - 1)
try:
    print(g(40))
    print(g(60))
except RecursionError as e:
    print(e)
sys.setrecursionlimit(1000)
for bad in [0, -5, 2**100, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(eval("(" * 100 + "1" + ")" * 100))
try:
    eval("(" * 300 + "1" + ")" * 300)
except Exception as e:
    print(type(e).__name__, e)
try:
    eval("-" * 100000 + "1")
except Exception as e:
    print(type(e).__name__, e)
try:
    eval("[" * 1000 + "]" * 1000)
except Exception as e:
    print(type(e).__name__, e)
