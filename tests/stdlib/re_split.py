# split: separators, capturing groups, maxsplit, empty matches, bytes.
import re

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'Words, words, words.'))
print(re.split(r'\W*', '...words...'))
print(re.split(r'(\W*)', '...words...'))
print(re.split('x*', 'axbxxc'))
print(re.split('', 'abc'))
print(re.split('(?=b)', 'abab'))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.split(r'\s+', '  leading and trailing  '))
print(re.split(r',', ''), re.split(r'x*', ''))
print(re.split(r'(?m)^$', 'a\n\nb\n'))
print(re.split(r'\d', 'a1b2c3d', maxsplit=-1))
print(re.split(r'\d', 'a1b2c3d', maxsplit=0))
print(re.compile(r';\s*').split('a; b;c;  d', 2))
print(re.split(rb'[,;]', b'a,b;c'))
print(re.split(r'(?<=-)', 'a-b-c'))
print(re.split(r'(?<=,)|(?=;)', 'a,b;c'))
print(re.split(r'[\u2000-\u200f\s]+', 'a\u2003b c\u200bd'))
csv = 'name = "x" ;  age=42;city =  Paris ; ; empty='
fields = [f for f in re.split(r'\s*;\s*', csv) if f]
print(fields)
print(dict(re.split(r'\s*=\s*', f, 1) for f in fields))
try:
    re.split('a', 5)
except TypeError as e:
    print('TypeError', e)
