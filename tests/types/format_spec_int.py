# format() of ints (and bools) with the full format-spec mini-language.
vals = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 2 ** 64, -(3 ** 50), True, False]
specs = ["", "d", "5", "<5", ">8", "^9", "*^9", "=+8", "+", " ", "-", "08", "+08", "-08", " 08", "x", "X", "#x",
         "#X", "#o", "#b", "b", "o", "#010x", "#010b", "_", "_x", "_b", "_o", "_X", ",", ",d", "012,", "013_",
         "#_x", "#012_b", "n", "c", "e", ".2e", "f", ".3f", "%", ".1%", "g", "G", "E", "F", "10.2f", "010.2f",
         ",.2f", "_.1f", "0=10", "x<10", "\u00e9^7", "0>10", "0<10", "#>10x", "+#x", " #o"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(f"<{type(e).__name__}: {e}>")
    print(repr(v), row)
for s in [".2", ".2d", "z", "zd", "c", "+c", "#c", ",x", ",b", ",n", "_n", "_c", ",c", "s", "a", "\u00e9",
          "q", ",_", "_,", "10.", ".", "99999999999999999999", ".99999999999999999999f", "x5", "5x5", "=10c",
          "<<", "<<<", "0", "00", "-0", "+010"]:
    for v in [65, -65, 0x110000, 2 ** 70]:
        try:
            print(repr(s), v, repr(format(v, s)))
        except Exception as e:
            print(repr(s), v, type(e).__name__, e)
print(f"{12345:,}", f"{-12345:_}", f"{255:#_b}", f"{10**20:,d}", f"{7:{'>'}{10}}", f"{3:0{5}}")
print("{:>{w},}".format(1234567, w=14), "{0:{1}{2}}".format(42, "+", 6))
class I(int):
    def __format__(self, spec):
        return "I<" + spec + ">"
print(format(I(5), "x"), f"{I(5):>3}", "{:d}".format(I(5)))
class J(int):
    pass
print(format(J(5), "05"), format(J(-5), "x"))
try:
    format(J(5), "s")
except ValueError as e:
    print(e)
