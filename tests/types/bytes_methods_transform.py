# bytes/bytearray methods that build new byte strings.
for kind in (bytes, bytearray):
    print("---", kind.__name__)
    b = kind(b"  Hello World, hello bytes  ")
    print(b.split(), b.split(None, 1), b.rsplit(None, 1), b.split(b"l"), b.split(b"l", 2), b.rsplit(b"l", 2))
    print(kind(b"a,b,,c,").split(b","), kind(b"").split(), kind(b"").split(b","), kind(b"   ").split())
    print(kind(b"a b c").split(maxsplit=1), kind(b"a b c").rsplit(sep=b" ", maxsplit=1), kind(b"a\tb\nc\x0bd\x0ce").split())
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hs"), kind(b"xxaxx").strip(b"x"), kind(b"abc").strip(bytearray(b"ca")))
    print(b.upper(), b.lower(), b.swapcase(), b.title(), kind(b"hELLO wORLD").capitalize(), kind(b"they're bill's").title())
    print(kind(b"a1b2").upper(), kind(b"\xe9t\xe9").upper(), kind(b"x").center(6, b"-"), kind(b"ab").center(7), kind(b"abc").center(2))
    print(kind(b"ab").ljust(5, b"."), kind(b"ab").rjust(5, b"."), kind(b"ab").ljust(1), kind(b"42").zfill(5), kind(b"-42").zfill(5), kind(b"+7").zfill(1), kind(b"").zfill(3))
    print(kind(b"a\tbc\tdef\n\tx").expandtabs(), kind(b"a\tb").expandtabs(2), kind(b"a\tb").expandtabs(0), kind(b"\r\t").expandtabs(tabsize=3))
    print(kind(b"one\ntwo\r\nthree\rfour\n").splitlines(), kind(b"x\n\ny").splitlines(True), kind(b"").splitlines(), kind(b"a\x0bb\x0cc").splitlines())
    print(kind(b"k=v=w").partition(b"="), kind(b"k=v=w").rpartition(b"="), kind(b"kvw").partition(b"="), kind(b"kvw").rpartition(b"="))
    print(kind(b"aaa").replace(b"a", b"bb"), kind(b"aaa").replace(b"a", b"", 2), kind(b"abc").replace(b"", b"-"), kind(b"abc").replace(b"", b"-", 2), kind(b"abc").replace(b"x", b"y"))
    print(kind(b"prefix-body").removeprefix(b"prefix-"), kind(b"body.txt").removesuffix(b".txt"), kind(b"abc").removeprefix(b"x"), kind(b"abc").removesuffix(b""))
    print(kind(b"abc").isalpha(), kind(b"ab1").isalnum(), kind(b"").isalpha(), kind(b"123").isdigit(), kind(b" \t").isspace(), kind(b"\x80").isascii(), kind(b"").isascii())
    print(kind(b"abc").islower(), kind(b"aBc").islower(), kind(b"ABC1").isupper(), kind(b"1").isupper(), kind(b"Hello World").istitle(), kind(b"HeLLo").istitle(), kind(b"").istitle())
    print(kind(b"-").join([b"a", bytearray(b"b"), memoryview(b"c")]), kind(b"").join([]), kind(b", ").join(kind(x) for x in [b"x", b"y"]))
    for bad in [lambda: b.split(""), lambda: b.split(b""), lambda: b.strip("a"), lambda: b.replace("a", b"b"),
                lambda: b.partition(b""), lambda: b.partition("x"), lambda: kind(b"a").center(3, "x"),
                lambda: kind(b"a").center(3, b"xy"), lambda: kind(b"a").ljust("3"), lambda: kind(b"").join(["a"]),
                lambda: kind(b"").join([b"a", 1]), lambda: kind(b"a").zfill("a"), lambda: kind(b"a").expandtabs("a"),
                lambda: kind(b"a").removeprefix("a"), lambda: kind(b"a").join(5)]:
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
# Results of bytes methods on subclasses are exact bytes.
class B(bytes):
    pass
x = B(b" hi ")
for r in [x.strip(), x.upper(), x.replace(b"h", b"H"), x[1:], x + b"!", x * 2, x.split()[0]]:
    print(type(r).__name__, r)
