# Lookahead and lookbehind, positive and negative, with groups and at edges.
import re

tests = [
    (r'foo(?=bar)', 'foobar foobaz'), (r'foo(?!bar)', 'foobar foobaz'),
    (r'(?<=\$)\d+', 'cost $42 or 17'), (r'(?<!\$)\b\d+', 'cost $42 or 17'),
    (r'(?<=ab)c', 'abc xbc'), (r'(?<!ab)c', 'abc xbc'), (r'(?<=a|b)c', 'ac bc cc'),
    (r'(?<=(a))b', 'ab'), (r'(?=(\w+))\w', 'abc'), (r'(?!x)\w+', 'xyz abc'),
    (r'\w+(?=,)', 'a, bb, ccc'), (r'(?<=^)a', 'aa'), (r'a(?=$)', 'aa'), (r'(?<=\n)x', 'x\nx'),
    (r'(?=a)(?=a)a', 'a'), (r'(?!)', 'abc'), (r'(?=)', 'abc'), (r'x(?<=x)', 'axa'),
    (r'(?<![a-z])[a-z]{3}(?![a-z])', 'ab abc abcd xyz'), (r'(?<=\d{3})x', '12x 123x'),
    (r'(?:(?<=a)|(?<=b))c', 'ac bc dc'), (r'(?<=(?P<pre>[A-Z]))\d', 'A1 b2 C3'),
    (r'(a)(?=(b))?', 'ab'), (r'(?!(a)b)\w', 'ab'), (r'q(?=u)(?!ui)', 'quit queen'),
]
for pat, s in tests:
    print(pat, [(m.span(), m.group(), m.groups()) for m in re.finditer(pat, s)])
# lookbehind sees text before pos
p = re.compile(r'(?<=a)b')
print(p.search('ab', 1), p.match('ab', 1))
# password-like checks
strong = re.compile(r'^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?!.*\s).{8,}$')
for pw in ['abc', 'Password1', 'password1', 'PASSWORD1', 'Pass word1', 'Xy1Xy1Xy1']:
    print(pw, bool(strong.match(pw)))
# thousands separators via lookaround
print(re.sub(r'(?<=\d)(?=(\d{3})+(?!\d))', ',', '1234567890 and 12 and 1234'))
for bad in [r'(?<=a+)b', r'(?<=a|bc)d', r'(?<!x*)y', r'(?<=(a)|b\1)c']:
    try:
        re.compile(bad)
        print('compiled', bad)
    except re.error as e:
        print('error', bad, e)
