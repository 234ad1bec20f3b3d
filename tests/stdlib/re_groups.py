# Groups: numbering, names, nesting, optional and repeated groups, lastindex/lastgroup.
import re

m = re.match(r'(a)(b)?(c)', 'ac')
print(m.groups(), m.groups('-'), m.group(2), m.span(2), m.start(2), m.end(2), m.regs)
m = re.match(r'((a)(b))((c)(d))?', 'abcd')
print(m.groups(), m.lastindex, m.lastgroup)
m = re.match(r'(?P<outer>(?P<inner>x)y)(?P<tail>z)?', 'xy')
print(m.groupdict(), m.groupdict('none'), m.lastindex, m.lastgroup)
print(m.group('outer', 'inner', 0, 1), m['tail'], m[0])
for pat, s in [(r'(a)|(b)', 'b'), (r'(a)|b', 'b'), (r'(?:(a)|b)+', 'ab'), (r'(?:(a)|(b))+', 'ab'),
               (r'(a*)+', 'b'), (r'(a|b)*', 'abba'), (r'(a|b)*?c', 'abc'), (r'((a)|b)+', 'ab'),
               (r'(a)?(a)?(a)?', 'aa'), (r'(?:x(y)?)+', 'xyx'), (r'(x)(?:(y)|z)*', 'xyz'),
               (r'(?P<a>.)(?P<b>.)?', 'q'), (r'(.)(?P<n>.)', 'qr'), (r'(\w+)\s(\w+)?', 'hi '),
               (r'((((((((((a))))))))))', 'a'), (r'(a)(?:b(c))?d', 'ad'), (r'(?:(a)b)*', 'ababa')]:
    m = re.match(pat, s)
    print(pat, m and (m.groups(), m.span(), m.lastindex, m.lastgroup, m.regs))
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?')
print(p.groups, sorted(p.groupindex.items()), dict(p.groupindex))
for s in ['2024-05-17', '1999-12', 'nope']:
    m = p.search(s)
    if m:
        print(m.group('year', 'month', 'day'), m.groupdict(), m.span('day'), m.start('month'))
    else:
        print('no match', s)
m = re.match(r'(a)(b)', 'ab')
for g in [0, 1, 2, 3, -1, 'x', 1.0, None, True]:
    try:
        print(repr(g), m.group(g), m.start(g), m.span(g))
    except (IndexError, TypeError) as e:
        print(repr(g), type(e).__name__, e)
try:
    m.group(1, 5)
except IndexError as e:
    print('IndexError', e)
try:
    m['nope']
except IndexError as e:
    print('IndexError', e)
m = re.match(r'(?P<n>a)', 'a')
print(m.group('n'), m.start('n'), m.end('n'), m.span('n'))
class Idx:
    def __index__(self):
        return 1
print(m.group(Idx()), m[Idx()])
print(re.compile('(a)(b)(c)').groups, re.compile('').groups, re.compile('(?:x)').groups)
print(re.compile('(?P<x>a)|(?P<y>b)').groupindex['y'])
nested = '(' * 50 + 'x' + ')' * 50
m = re.match(nested, 'x')
print(len(m.groups()), m.lastindex, m.span(50))
