# finditer and the scanner: iteration protocol, pos/endpos, empty matches, tokenizer idiom.
import re

it = re.finditer(r'\d+', 'a1b22c333')
print(type(it).__name__, next(it), [m.group() for m in it], list(it))
print([m.span() for m in re.finditer(r'', 'abc')])
print([m.span() for m in re.finditer(r'x*', 'axxb')])
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([(m.start(), m.group()) for m in re.compile(r'\w+').finditer('one two three four', 4, 13)])
print([m.pos for m in re.compile('a').finditer('aaa', 1)], [m.endpos for m in re.compile('a').finditer('aaa', 0, 2)])
s = re.compile(r'(\w+)|(\s+)|(.)').scanner('hi there!')
print(s.pattern.pattern)
print(s.match(), s.match(), s.search(), s.match(), s.match(), s.match())
s = re.compile(r'\d').scanner('a1b2')
print(s.search(), s.search(), s.search(), s.search())
s = re.compile(r'x*').scanner('axx')
print([s.search() for _ in range(5)])
s = re.compile(r'x*').scanner('axx')
print([s.match() for _ in range(3)])
TOKEN = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/=()])
  | (?P<WS>\s+)
  | (?P<ERR>.)
''', re.VERBOSE)
def tokenize(src):
    out = []
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        if kind == 'WS':
            continue
        out.append((kind, m.group(), m.start()))
    return out
print(tokenize('x = 3.14 * (radius + 2) / y_1 $'))
scanner = TOKEN.scanner('a+1')
toks = []
while True:
    m = scanner.match()
    if not m:
        break
    toks.append((m.lastgroup, m.group()))
print(toks)
lines = 'k1=v1\nk2 = v2\n\nbad line\nk3=  v3'
print({m['k']: m['v'] for m in re.finditer(r'(?m)^(?P<k>\w+)\s*=\s*(?P<v>.*)$', lines)})
it = re.finditer('a', 'aa')
print(iter(it) is it)
def gen():
    yield from re.finditer(r'(\w)(\d)', 'a1 b2 c3')
print([m.groups() for m in gen()])
print(sum(1 for _ in re.finditer(r'\w', 'x' * 10000)))
