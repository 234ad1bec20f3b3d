# string.Formatter on top of _string: parse, vformat, custom get_value/format_field.
import string

f = string.Formatter()
print(f.format("{0}-{1}-{x}", 1, "two", x=3.5))
print(f.format("{:>8}|{:<6.2f}|{!r}", "ab", 2.25, "q"))
print(f.format("{0.real} {1[k]} {2[0]}", 3j, {"k": "v"}, [9]))
print(list(f.parse("a{0!r:>5}b{{c}}d")))
print(f.format("{0:{1}}", 42, "08b"))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
u = Upper()
print(u.format("{a} {0} {missing:>10}", "x", a="hello"))
for bad in ["{", "{0", "}", "{0!x}", "{} {1}", "{1}"]:
    try:
        print(f.format(bad, "only"))
    except Exception as e:
        print(type(e).__name__, e)
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.capwords(" hello   world  "), string.ascii_letters[:5], string.digits)
