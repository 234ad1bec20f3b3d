import unicodedata as u
import sys
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)
state = 5
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 33) % n
cps = list(range(0, 0x3000)) + [rnd(0x110000) for _ in range(20000)] + list(range(0xAC00, 0xAC40)) + list(range(0x1F300, 0x1F400))
h = 0
for cp in cps:
    ch = chr(cp)
    row = (u.category(ch), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch), u.mirrored(ch), u.decomposition(ch),
           u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None), u.name(ch, None))
    for ch2 in repr(row):
        h = (h * 1000003 + ord(ch2)) % (2**61 - 1)
    n = row[-1]
    if n is not None and u.lookup(n) != ch:
        print("lookup mismatch", hex(cp), n)
print(h)
text = "".join(chr(c) for c in cps if u.category(chr(c)) not in ('Cs',))
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    r = u.normalize(form, text)
    print(form, len(r), sum(ord(c) * (i + 1) for i, c in enumerate(r)), u.is_normalized(form, r), u.is_normalized(form, text))
for s in ["e\u0301", "\u1e9b\u0323", "\uac00\u11a8", "\u1100\u1161\u11a8", "A\u030a\u0327", "\u212b", "\ufb01", "\u0041\u0301\u0300\u0302", "q\u0307\u0323", "\u0f77"]:
    print([u.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
for n in ['latin small letter a', 'LATIN CAPITAL LETTER GHA', 'KEYCAP DIGIT ZERO', 'HANGUL SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-04E00', 'cjk compatibility ideograph-f900',
          'nushu character-1b170', 'BYTE ORDER MARK', 'hangul syllable gag', 'CJK UNIFIED IDEOGRAPH-4e00', 'nope', 'x' * 300, b'SPACE', 'NULL', 'LINE FEED', 'TANGUT IDEOGRAPH-17000']:
    try:
        print(repr(u.lookup(n)))
    except KeyError as e:
        print("KeyError", e)
for f in [lambda: u.category(1), lambda: u.category('ab'), lambda: u.category(), lambda: u.decimal('a'), lambda: u.digit('a'), lambda: u.numeric('a'),
          lambda: u.name('\x00'), lambda: u.normalize('X', 'a'), lambda: u.normalize('NFC', 1), lambda: u.is_normalized('NFC', 1), lambda: u.UCD(),
          lambda: u.ucd_3_2_0.category('a'), lambda: u.ucd_3_2_0.name('a'), lambda: u.decimal('a', 'dflt'), lambda: u.numeric('\u2155'), lambda: u.numeric('\u5146')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
