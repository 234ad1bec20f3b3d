# sub/subn: literal, template escapes and group references, callables, count, empty matches.
import re

print(re.sub(r'\s+', ' ', 'a   b \t\n c'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first>', 'John Smith'))
print(re.sub(r'(\d)', r'<\g<1>0>', 'a1b2'))
print(re.sub(r'x', r'\n\t\\', 'axb'))
print(repr(re.sub(r'x', '\\n', 'axb')))
print(re.sub('a', lambda m: m.group().upper(), 'banana'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) + 1), 'v1.9.99'))
print(re.sub('a', 'o', 'banana', count=2), re.sub('a', 'o', 'banana', 1))
print(re.subn('a', 'o', 'banana'), re.subn('z', 'o', 'banana'))
print(re.subn(r'(a)(n)?', r'[\1\2]', 'banana'))
print(re.sub('', '-', 'abc'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('(?:)', '|', ''))
print(re.sub('b*', 'X', 'abbbc'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('a', '', 'aaa') == '')
print(re.sub(r'(\w+)', lambda m: m[1][::-1], 'hello big world'))
print(re.sub('o', lambda m: None if False else '0', 'foo'))
p = re.compile(r'(?P<word>\b\w+\b)')
print(p.sub(r'<\g<word>>', 'two words'), p.subn(r'\g<0>!', 'x y'))
print(re.sub('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10', 'abcdefghijk'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\w)', rb'\1\1', b'ab'))
print(re.sub(rb'x', lambda m: b'Y', b'axbx'))
for bad in [r'\g<3>', r'\g<name>', r'\g<1', r'\9', r'\g<-1>', '\\']:
    try:
        print(re.sub(r'(a)', bad, 'a'))
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub('a', 'b', b'a')
except TypeError as e:
    print('TypeError', e)
calls = []
def rec(m):
    calls.append((m.start(), m.group()))
    return m.group().upper()
print(re.sub(r'[aeiou]', rec, 'education'), calls)
print(re.sub(r'(?m)^', '> ', 'line1\nline2\nline3'))
print(re.sub(r'$', '!', 'end\n'))
text = 'The year 1999 and 2024, also 0042.'
print(re.sub(r'\b(\d{2})(\d{2})\b', r'\2\1', text))
print(re.subn(r'\d', 'N', text, count=5))
