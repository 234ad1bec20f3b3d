# re.match / fullmatch / search basics: anchors, quantifiers, classes, pos/endpos.
import re

def show(label, m):
    if m is None:
        print(label, None)
    else:
        print(label, repr(m), m.span(), repr(m.group()))

cases = [
    (r'abc', 'abcdef'), (r'abc', 'xabc'), (r'a.c', 'a\nc'), (r'a.c', 'abc'),
    (r'a*', ''), (r'a*', 'aaab'), (r'a+', 'b'), (r'a?b', 'ab'), (r'a?b', 'b'),
    (r'a{3}', 'aaaa'), (r'a{2,}', 'aaaaa'), (r'a{,2}', 'aaaa'), (r'a{2,3}?', 'aaaa'),
    (r'[abc]+', 'abcabcd'), (r'[^abc]+', 'xyzabc'), (r'[a-z0-9_]+', 'hello_42!'),
    (r'\d+', '12345x'), (r'\D+', 'ab12'), (r'\s+', ' \t\n x'), (r'\S+', 'ab cd'),
    (r'\w+', 'héllo wörld'), (r'\W+', '!!?a'), (r'^abc$', 'abc'), (r'^abc$', 'abc\n'),
    (r'abc\Z', 'abc\n'), (r'\Aabc', 'abc'), (r'\bfoo\b', 'foo bar'), (r'\Bfoo', 'xfoo'),
    (r'x|y|z', 'zyx'), (r'(?:ab)+', 'ababab'), (r'.*foo', 'xfooyfoo'), (r'.*?foo', 'xfooyfoo'),
    (r'[\]]', ']'), (r'[-a]', '-'), (r'[a\-z]', '-'), (r'\x41\u0042\U00000043', 'ABC'),
    (r'\t\n', '\t\n'), (r'[.]', '.'), (r'\.', 'x'), (r'a|', 'b'), (r'', 'abc'),
    (r'(?s).+', 'a\nb'), (r'(?x) a b  c # comment', 'abc'), (r'\0', '\0'), (r'[\d\s]+', '1 2 3x'),
]
for pat, s in cases:
    show('match %r %r' % (pat, s), re.match(pat, s))
    show('search %r %r' % (pat, s), re.search(pat, s))
    show('fullmatch %r %r' % (pat, s), re.fullmatch(pat, s))

p = re.compile(r'\d+')
show('pos', p.match('ab123cd', 2))
show('pos-end', p.match('ab123cd', 2, 4))
show('search pos', p.search('1a22b333', 2))
show('search endpos', p.search('1a22b333', 2, 6))
show('neg pos', p.match('123', -5))
show('big endpos', p.match('123', 0, 100))
show('pos>endpos', re.compile('').match('abc', 3, 1))
show('fullmatch pos', p.fullmatch('ab123cd', 2, 5))
show('fullmatch short', p.fullmatch('ab123cd', 2, 6))
show('dollar endpos', re.compile(r'b$').search('abc', 0, 2))
show('caret pos', re.compile(r'^b').search('abc', 1))
show('lookbehind before pos', re.compile(r'(?<=a)b').search('ab', 1))
print(p.match(string='42'), p.search('x9', pos=1), p.fullmatch('77', endpos=1))
for pat in [r'a|b|c', r'(?:a|b)*?c', r'a{0}b', r'(?:)', r'a**'[:2]]:
    show(pat, re.search(pat, 'xxabc'))
print(bool(re.match('a', 'a')), bool(re.match('', '')))
print(re.match('a', 'a') is not None)
