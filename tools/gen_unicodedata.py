"""Generates crates/vm/src/modules/unicodedata_data.bin from python3.11's own
unicodedata module (Unicode 14.0.0), for pyrite's native `unicodedata`.

    python3.11 tools/gen_unicodedata.py

The file is a sequence of little-endian sections, read by
crates/vm/src/modules/unicodedata.rs (see `Tables::parse` there):

  strings   category names, bidi names, east-asian-width names (u8 count, then
            u8 length + ASCII each)
  records   u16 count, then 5 bytes each: category, bidi, combining,
            east-asian-width, mirrored
  index     two-level table from code point to record: u16 per 128-code-point
            block into the deduplicated blocks, u16 block count, 128 u8 each
  decomp    u32 count, then (u32 cp, u16 length, text) sorted by cp
  numeric   u32 count, then (u32 cp, i8 decimal, i8 digit, u8 length, text)
  comps     u32 count, then (u32 first, u32 second, u32 composite)
  words     u16 count, then u8 length + text each (name vocabulary)
  names     u32 count, then (u32 cp, u8 nwords, u16 word ids...), the words
            joined by spaces
  ranges    u16 count, then (u32 start, u32 end, u8 length, prefix) for names
            spelled prefix + hex code point
  aliases   u16 count, then (u32 cp, u8 length, name)
  seqs      u16 count, then (u8 length, name, u8 count, u32 cps...)

Hangul syllable names are computed, not stored.
"""
import os
import re
import struct
import sys
import unicodedata as U

assert U.unidata_version == "14.0.0", U.unidata_version
out = bytearray()


def u8(v):
    out.extend(struct.pack("<B", v))


def i8(v):
    out.extend(struct.pack("<b", v))


def u16(v):
    out.extend(struct.pack("<H", v))


def u32(v):
    out.extend(struct.pack("<I", v))


def text8(s):
    b = s.encode("ascii")
    assert len(b) < 256
    u8(len(b))
    out.extend(b)


def is_hangul(cp):
    return 0xAC00 <= cp <= 0xD7A3


MAX = 0x110000
cats, bidis, eaws = [], [], []
records, record_ix = [], {}
cp_record = []
for cp in range(MAX):
    ch = chr(cp)
    c, b, e = U.category(ch), U.bidirectional(ch), U.east_asian_width(ch)
    for lst, v in ((cats, c), (bidis, b), (eaws, e)):
        if v not in lst:
            lst.append(v)
    rec = (cats.index(c), bidis.index(b), U.combining(ch), eaws.index(e), U.mirrored(ch))
    if rec not in record_ix:
        record_ix[rec] = len(records)
        records.append(rec)
    cp_record.append(record_ix[rec])
assert len(records) < 256

for lst in (cats, bidis, eaws):
    u8(len(lst))
    for s in lst:
        text8(s)
u16(len(records))
for r in records:
    out.extend(bytes(r))
BLOCK = 128
blocks, block_ix, index = [], {}, []
for start in range(0, MAX, BLOCK):
    blk = bytes(cp_record[start:start + BLOCK])
    if blk not in block_ix:
        block_ix[blk] = len(blocks)
        blocks.append(blk)
    index.append(block_ix[blk])
for i in index:
    u16(i)
u16(len(blocks))
for b in blocks:
    out.extend(b)

decomps = [(cp, U.decomposition(chr(cp))) for cp in range(MAX)]
decomps = [(cp, d) for cp, d in decomps if d and not is_hangul(cp)]
u32(len(decomps))
for cp, d in decomps:
    u32(cp)
    b = d.encode("ascii")
    u16(len(b))
    out.extend(b)

nums = []
for cp in range(MAX):
    ch = chr(cp)
    n = U.numeric(ch, None)
    if n is None:
        continue
    # The exact value as text: a fraction when it is not an integer.
    from fractions import Fraction
    f = Fraction(n).limit_denominator(100000)
    assert float(f) == n, (hex(cp), n)
    t = str(f.numerator) if f.denominator == 1 else "%d/%d" % (f.numerator, f.denominator)
    nums.append((cp, U.decimal(ch, -1), U.digit(ch, -1), t))
u32(len(nums))
for cp, de, di, t in nums:
    u32(cp)
    i8(de)
    i8(di)
    text8(t)

comps = []
for cp, d in decomps:
    if d.startswith("<"):
        continue
    parts = [int(x, 16) for x in d.split()]
    if len(parts) == 2 and U.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
        comps.append((parts[0], parts[1], cp))
u32(len(comps))
for a, b, c in comps:
    u32(a)
    u32(b)
    u32(c)

# Names: prefix+hex ranges first, the rest spelled with a word vocabulary.
names = {}
for cp in range(MAX):
    if is_hangul(cp):
        continue
    n = U.name(chr(cp), None)
    if n is not None:
        names[cp] = n
ranges = []
hexname = re.compile(r"^(.*-)([0-9A-F]{4,6})$")
run = None
for cp in sorted(names):
    m = hexname.match(names[cp])
    if m and int(m.group(2), 16) == cp:
        if run and run[2] == m.group(1) and run[1] == cp - 1:
            run[1] = cp
        else:
            run = [cp, cp, m.group(1)]
            ranges.append(run)
    else:
        run = None
ranges = [r for r in ranges if r[1] - r[0] >= 16]
in_range = set()
for s, e, p in ranges:
    in_range.update(range(s, e + 1))
spelled = [(cp, n) for cp, n in sorted(names.items()) if cp not in in_range]
words = {}
split = []
for cp, n in spelled:
    parts = n.split(" ")
    assert " ".join(parts) == n and all(parts), n
    enc = []
    for w in parts:
        if w not in words:
            words[w] = len(words)
        enc.append(words[w])
    split.append((cp, enc))
assert len(words) < 0x10000
u16(len(words))
for w in words:
    text8(w)
u32(len(split))
for cp, enc in split:
    u32(cp)
    u8(len(enc))
    for x in enc:
        u16(x)
u16(len(ranges))
for s, e, p in ranges:
    u32(s)
    u32(e)
    text8(p)

# Aliases and named sequences: candidates from the UCD files (searched in
# the usual places), each kept only if python3.11's own lookup() agrees.
def ucd_file(name):
    for d in sys.argv[1:] + ["/usr/share/perl/5.36.0/unicore", "/usr/share/unicode", "/usr/share/unicode-data"]:
        path = os.path.join(d, name)
        if os.path.exists(path):
            return open(path).read()
    import glob
    for path in glob.glob(os.path.expanduser("~/.cargo/registry/src/*/unicode_names2-*/data/" + name)):
        return open(path).read()
    sys.exit("missing %s: pass a directory holding the Unicode 14.0 UCD files" % name)


aliases = []
for line in ucd_file("NameAliases.txt").splitlines():
    if not line or line.startswith("#"):
        continue
    cp, alias, _kind = line.split(";")
    cp = int(cp, 16)
    try:
        ok = U.lookup(alias) == chr(cp)
    except KeyError:
        ok = False
    if ok:
        aliases.append((cp, alias))
seqs = []
for line in ucd_file("NamedSequences.txt").splitlines():
    if not line or line.startswith("#"):
        continue
    name, cps = line.split(";")
    cps = [int(x, 16) for x in cps.split()]
    try:
        ok = U.lookup(name) == "".join(map(chr, cps))
    except KeyError:
        ok = False
    if ok:
        seqs.append((name, cps))
u16(len(aliases))
for cp, alias in aliases:
    u32(cp)
    text8(alias)
u16(len(seqs))
for name, cps in seqs:
    text8(name)
    u8(len(cps))
    for c in cps:
        u32(c)

target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "vm", "src", "modules", "unicodedata_data.bin")
with open(target, "wb") as f:
    f.write(out)
print("%d bytes: %d records, %d blocks, %d decompositions, %d numerics, %d compositions, %d words, %d names, %d ranges, %d aliases, %d sequences"
      % (len(out), len(records), len(blocks), len(decomps), len(nums), len(comps), len(words), len(split), len(ranges), len(aliases), len(seqs)))
