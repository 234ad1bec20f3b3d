# Common str methods.
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" !H")))
t = s.strip()
print(t.lower(), t.upper(), t.swapcase(), t.title(), t.capitalize(), t.casefold())
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("W"), t.count("l"), t.count(""))
print(t.startswith("Hell"), t.endswith(("x", "!")), t.startswith("World", 7), t.replace("l", "L", 2))
print(t.split(), t.split(","), t.split("l", 1), t.rsplit("l", 1), "a  b c".split(" "))
print("a,b,,c".split(","), "".split(), "".split(","), "  x  y ".split(None, 1))
print("line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(5))))
print(t.partition(", "), t.rpartition("o"), t.partition("#"))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "Ab".istitle(), "ab".islower())
print("Abc".isupper(), "ABC".isupper(), "x1".isidentifier(), "1x".isidentifier(), "½".isnumeric(), "²".isdecimal())
print("tab\tsep".expandtabs(4), "hello world".title(), "they're bill's".title())
print("abcabc".removeprefix("ab"), "abcabc".removesuffix("bc"), "abc".removeprefix("x"))
table = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(table), str.maketrans({"a": "1"}), "hello".translate({ord("l"): None}))
print("%r" % "x", "x" * 0, "ab" < "b", "Z" < "a", "é".upper(), "ß".upper(), "İ".lower().encode())
print("hello"[1:4], "hello"[::-1], "hello"[-3:], "hello"[10:], "hello"[::2])
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
print("a b".encode(), "é".encode("utf-8"), "x".encode("ascii"), b"caf\xc3\xa9".decode())
print(len("日本語"), "日本語"[1], ord("語"), "😀".encode("utf-8"), len("😀"))
print("Hello".startswith(""), "abc".endswith("abc", 1), "aaa".replace("a", "bb"), "aaa".replace("", "-"))
