# Edge cases of the Pattern and Match methods: huge and odd arguments, empty matches, bytes templates.
import re
p = re.compile(r'(?P<a>\d)(\w)?')
m = p.match('1x')
for f in [lambda: p.match('1', 2**70), lambda: p.match('1', -2**70), lambda: p.match('1', 1.5),
          lambda: m[1:2], lambda: re.compile('(x)').match('x')[1:2], lambda: m.group(-2**70),
          lambda: type(p)(), lambda: type(m)(), lambda: p.sub(5, '1'), lambda: p.sub(None, '1'),
          lambda: m.groups(default=0), lambda: m.groupdict(default='z'), lambda: p.split('1a2b', maxsplit=1),
          lambda: p.scanner('12').match(), lambda: p.findall('1a2b', endpos=3), lambda: m.start(True),
          lambda: m.expand(b'x'), lambda: re.compile(b'(x)').match(b'x').expand('y'),
          lambda: p.search('', 0, 0), lambda: re.compile('$').search('ab', 5), lambda: re.compile('').findall('ab', 3),
          lambda: re.sub('(?m)^', '#', 'a\nb\n'), lambda: re.compile(r'\b').split('a b'),
          lambda: p.fullmatch(string='1'), lambda: p.subn(repl='x', string='1a', count=1),
          lambda: re.compile('a').sub('b', 'aaa', -1), lambda: re.compile('a|b', re.I).sub('x', 'AbC'),
          lambda: hash(re.compile('a')) == hash(re.compile('a')), lambda: re.compile('a') is re.compile('a')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
