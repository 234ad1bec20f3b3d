# Bytes patterns on bytes subjects; str/bytes mixing errors.
import re

data = b'GET /index.html HTTP/1.1\r\nHost: example.com\r\nX-Num: 42\r\n\r\nbody\xff\x00end'
print(re.match(rb'(\w+) (\S+) HTTP/(\d)\.(\d)', data).groups())
print(re.findall(rb'^([\w-]+): (.*?)\r$', data, re.M))
print(re.findall(rb'[\x80-\xff]', data), re.findall(rb'\x00', data))
print(re.split(rb'\r\n', data))
print(re.sub(rb'\d+', lambda m: str(int(m.group()) * 2).encode(), data))
print(re.search(rb'(?i)HOST', data).span(), re.search(rb'(?i)\xc9', b'\xe9'))
print(re.findall(rb'\w+', b'caf\xe9 \xc0 ok_1'), re.findall(rb'\s+', b'a\x1cb\x85c d'))
m = re.search(rb'(?P<k>\w+)=(?P<v>\w*)', b'  key=val ')
print(m, m.groupdict(), m.group(0), m.span('v'), m.string, m[1])
print(re.compile(rb'\d').pattern, re.compile(rb'\d'))
print(re.findall(rb'.', b'a\nb'), re.findall(rb'(?s).', b'a\nb'))
print(re.match(rb'[^\d]+', b'abc1'), re.fullmatch(rb'\xff*', b'\xff\xff'))
for pat, s in [('a', b'a'), (b'a', 'a'), ('a', 5), (b'a', None), ('a', ['a'])]:
    try:
        print(re.search(pat, s))
    except TypeError as e:
        print('TypeError', e)
for meth in ['match', 'fullmatch', 'search', 'findall', 'split', 'finditer']:
    try:
        getattr(re.compile('x'), meth)(b'x')
    except TypeError as e:
        print(meth, 'TypeError', e)
try:
    re.compile(b'x').sub(b'y', 'x')
except TypeError as e:
    print('TypeError', e)
try:
    re.compile('x').sub('y', 3.5)
except TypeError as e:
    print('TypeError', e)
print(re.escape(b'a.b*c'), re.escape('a.b*c'), re.escape('ü\n-'))
