# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, inline and scoped flags, pattern repr.
import re

print(re.findall(r'abc', 'ABC abc AbC', re.I))
print(re.findall(r'[a-c]+', 'ABC xyz aBc', re.IGNORECASE))
print(re.findall(r'[^a-c]+', 'ABCxyzaBc', re.I))
print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'^\w+', 'one\ntwo'))
print(re.findall(r'\w+$', 'one\ntwo\nthree', re.M), re.findall(r'\w+$', 'one\ntwo\n'))
print(re.findall(r'a.b', 'a\nb a-b', re.S), re.findall(r'a.b', 'a\nb a-b'))
p = re.compile(r"""
    (?P<int>\d+)      # integer part
    (?:\.(?P<frac>\d*))?  # optional fraction
    \s* [#] \s* x     # a literal hash in a class, then x
""", re.VERBOSE)
print(p.match('12.5 # x').groupdict(), p.match('7#x').groupdict())
print(re.match(r'(?x) a \  b', 'a b'), re.match(r'(?x)[ ]a', ' a'))
print(re.findall(r'(?i)straße', 'STRASSE straße STRAßE'))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'\w+', 'héllo wörld'))
print(re.findall(r'\d+', '12 ٣٤ 56', re.ASCII), re.findall(r'\d+', '12 ٣٤ 56'))
print(re.findall(r'\s+', 'a\u00a0b\u2003c', re.A), re.findall(r'\s+', 'a\u00a0b\u2003c'))
print(re.match(r'(?i:AB)c', 'abc'), re.match(r'(?i:AB)c', 'abC'))
print(re.match(r'a(?-i:b)c', 'AbC', re.I), re.match(r'a(?-i:b)c', 'ABC', re.I))
print(re.match(r'(?s:.)(.)', '\n\n'), re.match(r'(?m:^b)', 'b'))
print(re.search(r'(?m)(?:^|,)x', 'a,x'), re.findall(r'(?im)^[a-z]+$', 'Foo\nBAR\nbaz1'))
# case folding specials
for pat, s in [('k', '\u212a'), ('K', 'k'), ('s', '\u017f'), ('\u00b5', '\u03bc'), ('i', 'I'),
               ('\u0130', 'i'), ('ǅ', 'ǆ'), ('[k-m]', '\u212a'), ('[\u03a3]', '\u03c2'), ('ß', 'ẞ')]:
    print(repr(pat), repr(s), bool(re.match(pat, s, re.I)), bool(re.match(pat, s, re.I | re.A)))
print(re.compile('a'), re.compile('a', re.I), re.compile('a', re.M | re.S | re.X))
print(re.compile(b'a', re.I), re.compile('a', re.A), re.compile(b'a'))
print(re.compile('x' * 300))
print(re.compile('a', re.I).flags, re.compile(b'a').flags, re.compile('(?m)a').flags)
print(re.compile("it's"), re.compile('"\\n'))
for bad in [('(?ia)x',), ('(?L)x',), ('x', re.A | re.U)]:
    try:
        re.compile(*bad)
    except (re.error, ValueError) as e:
        print(type(e).__name__, e)
try:
    re.compile(b'x', re.U)
except ValueError as e:
    print('ValueError', e)
print(re.findall(rb'(?i)[a-z]+', b'Hello WORLD \xe9'))
print(re.findall(rb'\w+', b'caf\xe9 ok'))
