"""Generates the character-name table that `\\N{...}` escapes look names up in.

Run with CPython 3.11 (its unicodedata is Unicode 14.0.0, the database the
reference interpreter uses):

    python3.11 gen_unicode_names.py NameAliases.txt

NameAliases.txt may come from any Unicode version at or after 14.0: aliases are
never withdrawn, and an alias is kept only if python3.11's `unicodedata.lookup`
resolves it, so the result is exactly the 14.0 alias set (470 entries).

Writes, next to this script, little-endian binary files:
  names_words.bin      the distinct words, concatenated
  names_word_ends.bin  u32 end offset of each word in names_words.bin
  names_entries.bin    per name, sorted by name: u32 code point, u32 end index
                       into names_seq.bin of the name's words
  names_seq.bin        u16 word indices; the words of a name are joined by ' '

Left out: the names CPython computes instead of storing (Hangul syllables and
CJK unified ideographs) and named sequences (not allowed in `\\N{...}`).
"""
import os
import struct
import sys
import unicodedata

assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

S_BASE, S_COUNT = 0xAC00, 11172
UNIFIED = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B738),
           (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x30000, 0x3134A)]


def computed(cp):
    return S_BASE <= cp < S_BASE + S_COUNT or any(lo <= cp <= hi for lo, hi in UNIFIED)


names = {}
for cp in range(0x110000):
    name = unicodedata.name(chr(cp), None)
    if name is not None and not computed(cp):
        names[name] = cp

aliases = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cp_hex, alias, _type = line.split(";")
        cp = int(cp_hex, 16)
        try:
            found = unicodedata.lookup(alias)
        except KeyError:
            continue  # added after Unicode 14.0
        assert found == chr(cp), alias
        assert alias not in names or names[alias] == cp, alias
        names[alias] = cp
        aliases += 1
assert aliases == 470, aliases

words = sorted({w for name in names for w in name.split(" ")})
word_index = {w: i for i, w in enumerate(words)}
assert len(words) < 65536

out = os.path.dirname(os.path.abspath(__file__))
words_blob = b""
ends = []
for w in words:
    words_blob += w.encode("ascii")
    ends.append(len(words_blob))
seq = []
entries = []
for name in sorted(names, key=lambda n: n.encode("ascii")):
    seq.extend(word_index[w] for w in name.split(" "))
    entries.append((names[name], len(seq)))

with open(os.path.join(out, "names_words.bin"), "wb") as f:
    f.write(words_blob)
with open(os.path.join(out, "names_word_ends.bin"), "wb") as f:
    f.write(struct.pack(f"<{len(ends)}I", *ends))
with open(os.path.join(out, "names_entries.bin"), "wb") as f:
    for cp, end in entries:
        f.write(struct.pack("<II", cp, end))
with open(os.path.join(out, "names_seq.bin"), "wb") as f:
    f.write(struct.pack(f"<{len(seq)}H", *seq))
print(f"{len(names)} names ({aliases} aliases), {len(words)} words, {len(seq)} word refs")
