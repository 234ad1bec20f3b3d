# Unicode subjects of all widths: classes, case-insensitivity, boundaries, spans in code points.
import re

samples = ['plain ascii', 'latin café naïve', 'Ελληνικά κείμενο', 'Русский текст',
           '中文字符 mixed', 'emoji 😀 ok 🎉', 'mixed 123 ٣٤٥ ४५६', 'tabs\tand\u2028seps\u2029x']
for s in samples:
    print(repr(s), re.findall(r'\w+', s), re.findall(r'\d+', s), re.findall(r'\s', s))
    print('  ', [m.span() for m in re.finditer(r'\b\w', s)], re.sub(r'\W+', '_', s))
print(re.findall(r'(?i)ΣΊΣΥΦΟΣ', 'σίσυφος ΣΊΣΥΦΟΣ Σίσυφοσ'))
print(re.findall(r'(?i)привет', 'ПРИВЕТ Привет'))
print(re.match(r'(?i)[а-я]+', 'ЁЖИК'), re.match(r'(?i)[а-яё]+', 'ЁЖИК'))
print(re.search(r'[😀-😂]', 'a 😁 b'), re.search(r'(?i)[😀-😂]', 'a 😁 b'))
print(re.findall(r'[\U0001F600-\U0001F64F]', 'x😀y🙏z'))
print(re.findall('(?i)\U00010400', '\U00010428\U00010400'))
print(re.match(r'.', '\U0001F600').span(), len(re.match(r'.+', '😀é😀').group()))
print(re.findall(r'[^\W\d_]+', 'abc_12 déf'))
print(re.split(r'(?<=[.!?。])\s*', '你好。再见! ok'))
s = 'ǄǅǆDŽ'
print(re.findall('(?i)ǆ', s), re.findall('(?i)[ǆ]', s))
print(re.findall(r'(?i)\u1e9e', 'ß\u1e9e'), re.findall(r'(?i)[\u1e9e]', 'ß\u1e9e'))
print(re.findall(r'(?i)\u0131', 'Iiı\u0130'), re.findall(r'(?i)i', 'Iiı\u0130'))
print(re.findall(r'(?i)[\u00e0-\u00ff]+', 'ÀÉÎõü'))
print(re.findall(r'(?i)[^a]', 'aAbB'), re.findall(r'(?i)[^\u0100]', '\u0100\u0101x'))
u = 'x' * 70 + 'ü' * 70
print(re.search('ü+', u).span(), re.match('(x+)(ü+)', u).span(2))
print(re.findall(r'\w', '\u00b2\u00bd\u2167\u3007_'))
print(re.findall(r'\d', '\u00b2\u0660\uff11\U0001d7ce'))
print(re.findall(r'(?u)\w+', 'naïve'), re.fullmatch(r'\w+', 'ǅungla'))
print(re.findall('[\u0100-\u017f]+', 'ĀāĂă xyz Ő'))
print(re.findall('[\u0100-\u017f\u0400-\u04ff\u4e00-\u9fff]+', 'Āā ab Жж 中文 x'))
