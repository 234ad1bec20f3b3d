# global/nonlocal declarations in nested scopes, class bodies and loops.
counter = 0
def incr():
    global counter
    counter += 1
    return counter
for _ in range(3):
    incr()
print(counter)
def make_bank():
    balance = 100
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "denied"
        balance -= x
        return balance
    def peek():
        return balance
    return deposit, withdraw, peek
d, w, p = make_bank()
print(d(50), w(500), w(20), p())
def define_global():
    global created_later
    created_later = "made inside"
define_global()
print(created_later)
x = "module"
class K:
    x = "class body"
    def get(self):
        return x
    def get_cls(self):
        return self.x
    y = x + "!"
print(K().get(), K().get_cls(), K.y)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner()
    r = mid()
    return r, v
print(outer())
def loop_closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    g = []
    for j in range(3):
        g.append(lambda: j)
    return [f() for f in fs], [h() for h in g]
print(loop_closures())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
def global_in_loop():
    global total
    total = 0
    for i in range(5):
        total += i
    return total
print(global_in_loop(), total)
def del_global():
    global temp
    temp = 1
    del temp
del_global()
print("temp" in globals())
