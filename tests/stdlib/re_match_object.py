# The Match object: repr, attributes, expand, regs, copy, bool, subscripting, types.
import re, copy

m = re.search(r'(?P<first>\w+) (?P<last>\w+)', 'Name: Jane Doe, age 30')
print(repr(m), str(m) == repr(m), bool(m))
print(m.string, m.re, m.re is re.compile(r'(?P<first>\w+) (?P<last>\w+)'), m.pos, m.endpos)
print(m.lastindex, m.lastgroup, m.regs, m.span(), m.start(), m.end())
print(m.expand(r'\2, \1'), m.expand(r'\g<last> \g<first>!'), m.expand(r'\g<0>|\n|\\'))
print(m[0], m[1], m['last'], m.group(0, 'first'))
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(type(m).__name__, type(m).__module__, type(m) is re.Match, type(m.re) is re.Pattern)
print(re.Match.__name__, re.Pattern.__name__, isinstance(m, re.Match))
print(repr(re.match('x' * 100, 'x' * 100)))
print(repr(re.match(r'.*', 'quote\'s and "double"\n')))
print(repr(re.match(rb'.+', b'\x00\xffbytes')))
print(repr(re.search(r'\w+', 'ünïcödé')))
m2 = re.match(r'(a)(b)?', 'a')
print(m2.expand(r'[\1][\2]'), m2.regs, m2.lastindex, m2.lastgroup)
print(m2.span(2), m2.start(2), m2.end(2), m2.group(2), m2.groups(), m2.groups(''))
m3 = re.match(r'', 'abc')
print(repr(m3), m3.lastindex, m3.regs, m3.groups(), m3.groupdict())
class S(str):
    pass
m4 = re.match(r'\w+', S('subclass text'))
print(type(m4.string).__name__, type(m4.group()).__name__, m4.group())
m5 = re.compile(r'(\d+)').search('abc 123 def', 2, 9)
print(m5, m5.pos, m5.endpos, m5.string)
try:
    m5.foo = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    m5[0] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    len(m5)
except TypeError as e:
    print('TypeError', e)
print(re.Match[str], re.Pattern[bytes])
p = re.compile(r'(\w)(\w)')
print(p.pattern, p.flags, p.groups, p.groupindex == {}, repr(p), copy.copy(p) is p, copy.deepcopy(p) is p)
print(p == re.compile(r'(\w)(\w)'), p != re.compile(r'(\w)(\w)'), p == re.compile(r'(\w)'), hash(p) == hash(re.compile(r'(\w)(\w)')))
print(re.compile('a', re.I) == re.compile('a'), re.compile(b'a') == re.compile('a'), p == 'x')
print({re.compile('a'): 1}[re.compile('a')])
