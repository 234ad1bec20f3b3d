# str case mappings and character classes follow python3.11's Unicode 14.0
# data: titlecase digraphs, ligatures, final sigma, multi-character maps.
samples = ["ﬁnnish", "ῳῳῼῼ", "aΣ", "AΣb", "ΣΑΣ", "hello World", "ǅemal ǆ", "ß straße", "İstanbul",
           "ŉ", "abc\ud800def", "ΌΣΟΣ ΚΑΙ", "Σ.Σ", "a'Σ'", "ᾈᾀ", "և", "ǰ", "ﬀ", "123abc", "",
           "ǈ ǉ Ǉ", "\u1e9e", "ꭰ", "\U00010400\U00010428", "ⓐⒶ"]
for t in samples:
    print(ascii([t.upper(), t.lower(), t.title(), t.capitalize(), t.swapcase(), t.casefold()]))
    print([t.isupper(), t.islower(), t.istitle(), t.isalpha(), t.isalnum()])
for t in ["\U0001d7f6", "²", "½", "Ⅻ", "٣", "ª", "\u0345", "1a", "", "\u00b5", "\u2160", "𝟎", "፩", "\u3007",
          "\u0f33", "\U0001F100", "\u2070", "\u00bc\u00bd", "abc", "ABC", "Abc", "A1", "ǅ", "\u02b0"]:
    print(ascii(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.islower(),
          t.isupper(), t.istitle())
count = {}
for name in ("isalpha", "isdigit", "isdecimal", "isnumeric", "islower", "isupper", "istitle"):
    count[name] = sum(1 for c in range(0, 0x30000, 7) if getattr(chr(c), name)())
print(count)
diff = sum(1 for c in range(0, 0x20000, 3) if chr(c).upper() != chr(c).upper().upper().lower().upper())
print(diff)
