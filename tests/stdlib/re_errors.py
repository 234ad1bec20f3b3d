# re.error for bad patterns (messages, positions, lineno/colno) and engine-side errors.
import re

bad = ['(', ')', '[a', 'a**', 'a{2,1}', '(?P<1>x)', '(?P<a>x)(?P<a>y)', '(?P=nope)', r'\1',
       '(?<=a*)b', '(?z)', '*a', '+', '?', '{1}a'[0:0] + 'x{', r'\q', r'[\q]', '[z-a]', '(?#unterminated',
       '(?P<>x)', '(?P<a', '(?(1)a|b|c)', '(?(x)a)', 'a{99999999999}', '(?i', '(?<', '(?P',
       r'\x1', r'\u12', r'\U0011ffff', '(?x)[a', 'x' * 5 + '(', '(a)(?P=1)', '\\', '(?i)(?-i)', r'(?a:\w)',
       '(?-x:a)', 'a(?i)b', '(?<!a{1,3})b', r'(?(0)a)', '(?P<a-b>x)']
for p in bad:
    try:
        re.compile(p)
        print('ok', repr(p))
    except re.error as e:
        print('error', repr(p), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, repr(e.pattern))
    except Exception as e:
        print(type(e).__name__, repr(p), e)
try:
    re.compile('(?x)\n  abc\n  (def\n  ghi')
except re.error as e:
    print(e, e.lineno, e.colno)
try:
    re.compile(b'(abc')
except re.error as e:
    print(e, e.pattern)
print(re.error.__module__, re.error.__name__, issubclass(re.error, Exception))
for args in [(5,), (None,), ('a', 'x'), ]:
    try:
        re.compile(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
p = re.compile('(a)(?P<n>b)')
m = p.match('ab')
for call in [lambda: m.group(3), lambda: m.group('x'), lambda: m.span(-1), lambda: m.start('zz'),
             lambda: m.expand(r'\3'), lambda: m.expand(r'\g<zz>'), lambda: m.expand('\\'),
             lambda: p.match(), lambda: p.match('ab', 'x'), lambda: p.search('ab', 0, 1, 2),
             lambda: p.sub('x'), lambda: p.split(), lambda: p.findall(1), lambda: p.match('ab', foo=1),
             lambda: p.match(string='ab', pos=1, endpos=2, extra=3), lambda: p.subn('x', 'y', 'z'),
             lambda: p.scanner(b'x'), lambda: re.purge(), lambda: m.groups(1, 2), lambda: m.group(2**70)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
