# Backreferences: numbered, named, case-insensitive, inside repeats, conditionals.
import re

print(re.findall(r'\b(\w+)\s+\1\b', 'this is is a test test of the the code'))
print(re.sub(r'\b(\w+)(\s+\1\b)+', r'\1', 'the the the cat sat sat'))
print(re.match(r'(?P<q>["\']).*?(?P=q)', '"it\'s" ok'), re.match(r'(["\']).*?\1', "'a\"b'"))
print(re.match(r'(?i)(ab)\1', 'abAB'), re.match(r'(ab)\1', 'abAB'))
print(re.match(r'(?i)(\w+) \1', 'ÉTÉ été'), re.match(r'(?ia)(\w+) \1', 'ab AB'))
print(re.match(rb'(?i)(a)\1', b'aA'))
print(re.match(r'(a)|\1', 'x'), re.match(r'(a)?\1', 'x'), re.match(r'(a)?b\1', 'b'))
print(re.match(r'(a*)\1', 'aaaa').groups(), re.match(r'(a*)\1b', 'aaab').groups())
print(re.match(r'(a|b)*\1', 'abb'), re.match(r'(?:(a)|b)*\1', 'aba'))
print(re.match(r'(\w)(\w)?\2?\1', 'aba'), re.fullmatch(r'(\w)(\w)\2\1', 'abba'))
pal = re.compile(r'^(?:(\w)(?:(\w)(?:(\w)\3?|\w?)\2|\w?)\1?)$')
for w in ['racecar', 'abba', 'abc', 'a', 'noon', 'level', 'abca']:
    print(w, bool(re.fullmatch(r'(\w?)(\w?)(\w?)\w?\3\2\1', w)), bool(pal.match(w)))
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(a)?(?(1)b|c)', 'b'))
print(re.match(r'(?P<o>\()?\w+(?(o)\))', '(abc)'), re.match(r'(?P<o>\()?\w+(?(o)\))', 'abc)'))
print(re.fullmatch(r'(?P<o>\()?\w+(?(o)\))', '(abc'), re.match(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', '<user@host.com>'))
print(re.findall(r'(\d)(?(1)x|y)', '1x2y3x'), re.match(r'(?:(a)|b)(?(1)c|d)', 'bd'))
print(re.sub(r'(\w)\1', r'<\1\1>', 'aabbcdde'))
html = '<b>bold</b> <i>it</i> <b>bad</i>'
print(re.findall(r'<(\w+)>.*?</\1>', html))
print([m.group(0) for m in re.finditer(r'(?P<tag><(\w+)>)(?P<body>.*?)</\2>', html)])
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj'))
print(re.search(r'(.)\1{2,}', 'abbbbc aaa').group(), re.findall(r'((.)\2+)', 'aabcccdeeee'))
