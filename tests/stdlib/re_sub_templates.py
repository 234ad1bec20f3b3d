"""re.sub/subn with templates (group references expanded per match), with
callables and literals, across str and bytes subjects, optional groups,
named groups, counts, and the errors of bad templates."""
import re

LOG = "\n".join(f"user{i}@host{i % 3}.example.com id={i} {'x' * (i % 4)}" for i in range(40))

cases = [
    (r"(\w+)@(\w+)", r"\2 at \1", LOG),
    (r"(\w+)@(\w+)", r"<\g<0>>", LOG),
    (r"(?P<user>\w+)@(?P<host>\w+)", r"\g<host>/\g<user>", LOG),
    (r"id=(\d+)( x+)?", r"[\1|\2]", LOG),
    (r"(a)|(b)", r"\1-\2", "abcab"),
    (r"x*", r"(\g<0>)", "axxb"),
    (r"", r"\\-", "abc"),
    (r"(\d)", r"\n\1\t", "a1b2"),
    (r"(?i)(ALPHA)", r"\1\1", "alpha Alpha ALPHA"),
    (r"(é+)(ü)?", r"\2\1", "ééü é ü"),
    (r"(\w)(\w)", r"\2\1", "ab" * 30),
]
for pat, repl, s in cases:
    print(repr(re.sub(pat, repl, s))[:300])
    print(re.subn(pat, repl, s, count=3))

print(re.sub(rb"(\w+)=(\d+)", rb"\2:\1", b"a=1 bb=22 ccc=333"))
print(re.subn(rb"(a)(x)?", rb"[\2\1]", b"aaxa"))
print(re.sub(rb"(a)", b"\\1\\1", bytearray(b"banana")))
print(re.sub(r"(a)", r"\1!", "banana", 2))

class S(str):
    pass

print(repr(re.sub(r"(n)", r"<\1>", S("banana"))))

for pat, repl in [(r"(a)", r"\2"), (r"(a)", r"\g<x>"), (r"(a)", r"\g<-1>"), (r"(a)", "\\"), (r"(?P<n>a)", r"\g<n")]:
    try:
        print(re.sub(pat, repl, "abc"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

try:
    re.sub("a", r"\1", b"abc")
except TypeError as e:
    print(type(e).__name__, e)

# Callables and literals stay as they were.
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), LOG)[:120])
print(re.sub(r"\s+", " ", LOG)[:120])
print(re.sub(r"(\d)", lambda m: None if m.group() == "1" else "#", "a1b2c3"))
p = re.compile(r"(\w)(\d)")
print(p.sub(r"\2\1", "a1 b2 c3", count=2), p.subn(r"\2\1", "a1 b2 c3"))
print(p.split("a1 b2 c3", 1), p.split("a1 b2 c3", maxsplit=2))
