# re matches bytes-like subjects (bytearray, memoryview, array): results
# are bytes, read from the buffer's current contents.
import array
import re

subjects = [bytearray(b"abc-def-ghi"), memoryview(b"abc-def-ghi"), array.array("B", b"abc-def-ghi"),
            memoryview(b"xxabc-def-ghixx")[2:-2], array.array("b", b"abc-def-ghi")]
for s in subjects:
    m = re.search(rb"(\w+)-(?P<mid>\w+)", s)
    print(type(s).__name__, m.group(), m.groups(), m.group("mid"), m.span(2), type(m.string).__name__)
    print(re.findall(rb"[aeiou]", s), re.split(rb"-", s), re.sub(rb"-", b"+", s), re.subn(rb"\w", b".", s))
    print([x.group() for x in re.finditer(rb"\w+", s)], re.fullmatch(rb"[\w-]+", s).span())
    print(re.match(b"abc", s) is not None, re.compile(b"").match(s).groups())

for typecode in "bBhHiIlLfd":
    a = array.array(typecode)
    print(typecode, re.compile(b"bla").match(a), re.compile(b"").match(a).span())

s = bytearray(b"abcdefgh")
m = re.search(b"[a-h]+", s)
m2 = re.search(b"[e-h]+", s)
print(m.group(), m2.group())
s[:] = b"xyz"
print(m.group(), m2.group(), m.span())

for pat, subj in [("a", bytearray(b"a")), (b"a", "a"), (b"a", 5), ("a", memoryview(b"a"))]:
    try:
        re.match(pat, subj)
    except TypeError as e:
        print("TypeError", e)

print(re.sub(b"y", bytearray(b"a"), bytearray(b"xyz")), re.sub(b"y", memoryview(b"a"), memoryview(b"xyz")))
print(re.subn(b"y", array.array("B", b"ab"), b"yxy"))
try:
    re.sub(b"y", bytearray(b"\\n"), b"xyz")
except TypeError as e:
    print("TypeError", e)
p = re.compile(r"(?i)(?P<first>a)(?P<other>b)")
gi = p.groupindex
print(type(gi).__name__, sorted(gi), gi["other"], dict(gi))
try:
    gi["other"] = 0
except TypeError as e:
    print("TypeError", e)
print(re.compile("(a)").groupindex, type(re.compile("(a)").groupindex).__name__)
