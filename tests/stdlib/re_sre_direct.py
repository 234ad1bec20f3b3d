# _sre used directly, with code lists as re._compiler makes them (so this runs without `import re`).
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize(), _sre.copyright)
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9, 0x130)], [_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x212a, 0x1e9e)])
print([_sre.ascii_iscased(c) for c in (65, 49, 0xe9)], [_sre.unicode_iscased(c) for c in (65, 49, 0xe9, 0xdf, 0x149, 0x2160)])
COMPILED = [
    ('(?P<word>\\w+)@(?P<host>\\w+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {'word': 1, 'host': 2}, (None, 'word', 'host')),
    ('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,)),
    ('(a)(b)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1], 2, {}, (None, None, None)),
    ('(?i)hello', 34, [14, 4, 0, 5, 5, 40, 104, 40, 101, 40, 108, 40, 108, 40, 111, 1], 0, {}, (None,)),
    (b'[a-c]+', 0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 99, 0, 1, 1], 0, {}, (None,)),
    ('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)),
    ('(?:ab|a)*c', 32, [14, 4, 0, 1, 4294967295, 23, 15, 0, 4294967295, 16, 97, 7, 5, 16, 98, 15, 5, 3, 15, 2, 0, 18, 16, 99, 1], 0, {}, (None,)),
    ('(?<=-)\\w', 32, [14, 4, 0, 1, 1, 4, 5, 1, 16, 45, 1, 13, 4, 8, 14, 0, 1], 0, {}, (None,)),
    ('a++b|(?>c+)d', 32, [14, 4, 0, 2, 4294967295, 7, 12, 29, 6, 1, 4294967295, 16, 97, 1, 16, 98, 15, 17, 15, 27, 9, 24, 6, 1, 4294967295, 16, 99, 1, 1, 16, 100, 15, 2, 0, 1], 0, {}, (None,)),
]
P = [_sre.compile(*args) for args in COMPILED]
word, digits, ab, hello, bset, xstar, abc, after, poss = P
m = word.search('mail: joe@home, ann@work')
print(m, m.groups(), m.groupdict(), m.span('host'), m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos)
print(m.group(0, 1, 'host'), m[2], m.start(1), m.end('word'), m.string, m.re.pattern, m.re.groups, dict(m.re.groupindex))
print(word.findall('a@b c@d'), [x.span() for x in word.finditer('a@b c@d')], word.split('x a@b y', 1))
print(digits.sub('#', 'a1b22'), digits.subn(lambda m: str(len(m.group())), 'a1b22c'), digits.findall('1 22 333', 1, 6))
print(ab.match('ab').groups(), ab.match('a').groups('-'), ab.match('ba'), ab.fullmatch('ab'), ab.fullmatch('abb'))
print(hello.search('say HeLLo'), hello.flags, hello, bset.findall(b'abcxcab'), bset)
print(xstar.findall('axxb'), xstar.split('axxb'), xstar.sub('-', 'axxb'), [x.span() for x in xstar.finditer('axxb')])
print(abc.match('ab' * 1000 + 'c').span(), abc.match('ab' * 5), after.findall('a-b-c'), poss.findall('aab ccd aaa'))
s = digits.scanner('a1b22c')
print(s.search(), s.search(), s.search(), s.pattern is digits)
print(word == _sre.compile(*COMPILED[0]), word == digits, hash(word) == hash(_sre.compile(*COMPILED[0])))
print(type(m).__name__, type(word).__name__, type(s).__name__, repr(ab.match('a')))
for f in [lambda: digits.match(b'1'), lambda: bset.match('a'), lambda: digits.search(5), lambda: m.group(9),
          lambda: m['nope'], lambda: digits.match(), lambda: digits.sub('x'), lambda: digits.split('1', 'x'),
          lambda: m.span(1, 2), lambda: _sre.compile('x', 0, (1,), 0, {}, ()), lambda: _sre.ascii_tolower('a'),
          lambda: digits.sub(lambda m: 3, 'a1'), lambda: type(word)(), lambda: type(m)(), lambda: type(s)(),
          lambda: digits.match('1', 2**70), lambda: digits.match('1', 1.5), lambda: digits.sub('b', '1a1', -1),
          lambda: m.group(-2**70), lambda: m.start(True), lambda: digits.split('a1b2', maxsplit=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
