# Long subjects and patterns that would overflow a recursive matcher.
import re

n = 200000
s = 'a' * n
print(len(re.match(r'(?:a)*', s).group()))
print(len(re.match(r'(?:ab|a)*', s).group()))
print(len(re.match(r'(a|b)*', s).group()), re.match(r'(a|b)*', s).span(1))
print(len(re.match(r'(?:a|b)*?c|.*', s).group()))
print(re.match(r'(?:a{1,2})*b', s[:30]))
print(len(re.fullmatch(r'(?:(a)|b)+', s).group()))
print(re.search(r'(?:a+)+b', 'a' * 22))
print(re.match(r'(x+x+)+y', 'x' * 18))
print(len(re.sub(r'(a)', r'\1', s)), re.subn(r'(?:a)+?', '', s[:1000])[1])
text = ('word ' * 50000).strip()
print(len(re.findall(r'\w+', text)), len(re.split(r'\s', text)), re.search(r'(\w+ ?)*$', text[:200]).span())
print(len(re.match(r'(?:\w+\s?)*', text).group()))
print(len(re.match(r'(?:(?:a)(?:b)?)+', 'ab' * 50000).group()))
print(len(re.match(r'(?:(?:ab)*?c|)(?:ab)+', 'ab' * 50000).group()))
nested = '(?:' * 100 + 'a' + ')*' * 100
print(len(re.match(nested, 'a' * 100).group()))
print(re.match(r'(?:a*)*b', 'a' * 25), re.match(r'(a*)*b', 'a' * 20))
print(len(re.match(r'(?>a*)*', s).group()), len(re.match(r'(?:a|a)*+', s[:5000]).group()))
print(len(re.match(r'(?=(a*))\1', s).group(1)))
big = 'x' * 100000 + 'y'
print(re.search(r'x*y', big).span(), re.search(r'(?:x|z)*y', big).span())
print(len(re.findall(r'x*?', 'x' * 1000)))
