# f-strings: conversions, specs, nesting, debugging =.
name, n, x = "Ada", 42, 3.14159
print(f"{name} {n} {x}", f"{name!r} {name!s} {name!a}", f"{'é'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:05}|{n:x}|{n:#b}", f"{x:.2f}|{x:10.4f}|{x:e}")
w, p = 12, 3
print(f"{x:{w}.{p}f}|", f"{x:>{w}}|", f"{name:*^{w}}")
print(f"{n=}", f"{x=:.2f}", f"{name = }", f"{n + 1=}", f"{[1, 2]=}")
items = [1, 2, 3]
print(f"{len(items)} items: {', '.join(str(i) for i in items)}", f"{items[0]}{items[-1]}")
print(f"{'nested ' + f'{n}'}", f"{{braces}}", f"{n:{'>'}{5}}", f"{3 if n else 4}")
d = {"k": "v"}
print(f"{d['k']}", f"{d!r}", f"{(lambda y: y * 2)(4)}", f"{n:,}", f"{10**7:_}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()}", f"{P():abc}", f"{P()!r}", f"{P()!s}", format(P(), "zz"))
print(f"{None}", f"{True:>6}", f"{-0.0}", f"{1e100}", f"{2**64}")
try:
    f"{n:q}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{object():x}"
except TypeError as e:
    print("TypeError:", e)
s = "multi"
print(f"""{s}
{s.upper()}""")
print(f"{'a' 'b'}", f"{n}" f"{n}", F"{n}", rf"\n{n}", fr"{n}\t")
