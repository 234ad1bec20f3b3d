# search/findall over many inputs: prefixes, charsets, groups in findall, empty matches.
import re

text = """The quick brown fox jumps over the lazy dog.
Contact: alice@example.com, bob.smith@mail.org; phone +1-555-0100.
Dates: 2023-01-15, 1999-12-31 and 2000-02-29. Prices: $3.50, $12, $0.99"""

print(re.findall(r'\b\w+@\w+\.\w+\b', text))
print(re.findall(r'(\d{4})-(\d{2})-(\d{2})', text))
print(re.findall(r'\$(\d+(?:\.\d\d)?)', text))
print(re.findall(r'\b[A-Z]\w*', text))
print(re.findall(r'o', text)[:5], len(re.findall(r'o', text)))
print(re.findall(r'quick|lazy|dog', text))
print(re.findall(r'(?i)THE', text))
print(re.findall(r'', 'abc'))
print(re.findall(r'a*', 'baaac'))
print(re.findall(r'a|', 'xax'))
print(re.findall(r'\b', 'ab cd'))
print(re.findall(r'(a)|(b)', 'abc'))
print(re.findall(r'(a)(?:x)?', 'aax'))
print(re.findall(r'x*', ''))
print(re.findall(r'\d+', 'a1b22c333', 2))
print(re.compile(r'\d+').findall('a1b22c333', 2, 6))
print(re.findall(r'[aeiou]{2,}', 'beautiful queueing aeon'))
print(re.findall(r'(?m)^\s*(\w+):', 'a: 1\n  bb: 2\nccc:3'))
print(re.findall(r'(?m)\w+$', 'one two\nthree four\nfive'))
print(re.findall(r'(?s)<(.*?)>', '<a>\n<b\nc><d>'))
print(re.findall(r'<(.*)>', '<a><b>'))
for pat in [r'fox', r'jumps over', r'\d\d\d\d', r'[xyz]', r'dog\.$', r'(?<=\$)\d+', r'Z', r'x{2}']:
    m = re.search(pat, text)
    print(pat, m and (m.span(), m.group()))
long = 'ab' * 5000 + 'needle' + 'cd' * 5000
print(re.search('needle', long).span(), re.search('ne+dle', long).span())
print(re.search('abab' * 3 + 'needle', long).span())
print(re.search(r'[nm]eedle', long).span(), re.search(r'(?:needle|haystack)', long).span())
print(re.search('aaab', 'aaaaaab').span(), re.search('abcabd', 'abcabcabd').span())
print(re.search('ba', 'aaaaa'), re.search('needle', long[:100]))
print(re.search('é', 'cafe café').span(), re.search('€', 'price 5€').span())
print(re.search('\U0001F600+', 'smile \U0001F600\U0001F600!').span())
print(re.findall('[\u0400-\u04ff]+', 'hello мир and Россия'))
