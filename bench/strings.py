# String building and formatting: f-strings, %-formatting, str.format, join,
# split, replace, case mapping and slicing over generated text.
def make_lines(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    lines = []
    for i in range(n):
        w = words[i % len(words)]
        lines.append(f"{i:06d} {w.upper()} {w[::-1]} {i * 3.5:.2f} {hex(i)}")
    return lines


def report(lines):
    out = []
    for line in lines:
        num, word, rev, val, hx = line.split()
        out.append("%s|%-10s|%10s|%8.1f|%s" % (num, word.lower(), rev.title(), float(val), hx[2:].zfill(6)))
    return "\n".join(out)


def template(n):
    parts = []
    for i in range(n):
        parts.append("{0}:{1!r}:{2:>5}".format(i, str(i), i % 7))
    return ",".join(parts)


lines = make_lines(60000)
text = report(lines)
text2 = text.replace("|", "; ").replace("ALPHA", "a")
counts = {}
for word in text2.split():
    counts[word[:3]] = counts.get(word[:3], 0) + 1
tpl = template(60000)
builder = ""
for i in range(20000):
    builder += chr(65 + i % 26)
print(len(text), len(text2), sorted(counts.items())[:5], len(tpl), tpl[-30:], builder[-10:], text.count("eta"))
