# Possessive quantifiers and atomic groups (3.11): no backtracking into them.
import re

tests = [
    (r'a++b', 'aaab'), (r'a++a', 'aaaa'), (r'a*+a', 'aaa'), (r'a?+a', 'a'), (r'a{1,3}+a', 'aaaa'),
    (r'(?:ab)++', 'ababab'), (r'(?:ab)*+ab', 'abab'), (r'(?:a|ab)++c', 'aababc'),
    (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'), (r'(?>a|ab)c', 'abc'), (r'(?>ab|a)c', 'abc'),
    (r'(?>(\w+))\s', 'word '), (r'(?>x*)y', 'xxy'), (r'(?>.*)x', 'abcx'), (r'(?>(a)|b)+', 'aab'),
    (r'"(?>[^"\\]+|\\.)*"', r'"say \"hi\"" rest'), (r'(?:a+)++b', 'aab'), (r'(a++)', 'aaa'),
    (r'(?:(a)|(b))*+', 'abab'), (r'\d++\.?', '123.'), (r'[a-z]*+\d', 'abc1'), (r'[a-z]*+[a-z]', 'abc'),
    (r'(?:x|y)?+y', 'y'), (r'a{2}+', 'aaa'), (r'(?:a{2})++', 'aaaaa'), (r'(?i)A++b', 'aAB'),
    (r'(?>a(?=b))b', 'ab'), (r'(?>(?:a|b)+?)c', 'abc'), (r'(?:(?>a+)|b)+c', 'aabac'),
    (r'(?:a|b)*+(?<=b)', 'aab'), (r'(?>a*)*b', 'aab'), (r'(?:(?>a*))*b', 'b'),
    (r'(a(?>bc|b)c)', 'abcc'), (r'(a(?>bc|b)c)', 'abc'), (r'(?:(?:ab|a)(?:c|b))++d', 'abcabd'),
]
for pat, s in tests:
    m = re.match(pat, s)
    print(pat, repr(s), m and (m.span(), m.groups()))
    print('   search', [x.span() for x in re.finditer(pat, s)])
for bad in [r'a+++', r'(?>', r'a**+', r'(?>a)++?']:
    try:
        re.compile(bad)
        print('ok', bad)
    except re.error as e:
        print('error', bad, e)
# CPython 3.11 quirks: alternatives inside a possessive repeat keep stale marks.
for pat, s in [(r'(?:(a)|(b))*+', 'abab'), (r'(?:(a)|b)*+', 'ab'), (r'(?:(a)(c)?|(b))*+', 'acab'),
               (r'(?:(a)|(bc))*+x', 'abcax'), (r'((x)|y|z)*+', 'xyz'), (r'((x)|y|z)++', 'xyz')]:
    try:
        print(pat, re.match(pat, s).regs)
    except SystemError as e:
        print(pat, 'SystemError', e)
