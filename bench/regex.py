"""Typical regular-expression work: tokenizing source text, findall over a
log, sub with a callable and with templates, split, and validation with
fullmatch. Prints a checksum of everything it computed."""
import re

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_source(n):
    lines = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        lines.append(f"{w}_{i} = ({i} * 3.5 + {w}) / 7  # note {i % 13}")
        lines.append(f"if {w} >= {i}: call_{w}(\"str {i}\", x={i % 5})")
    return "\n".join(lines)


def make_log(n):
    out = []
    for i in range(n):
        out.append(f"2024-03-{i % 28 + 1:02d} 12:{i % 60:02d}:{(i * 7) % 60:02d} "
                   f"[{('INFO', 'WARN', 'ERROR')[i % 3]}] user{i % 97}@host{i % 11}.example.com "
                   f"GET /api/v1/items/{i} {200 + (i % 4) * 100} {i * 13 % 5000}ms")
    return "\n".join(out)


TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d*)?)
  | (?P<STRING>"[^"\\]*(?:\\.[^"\\]*)*")
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>>=|<=|==|[-+*/=():,<>])
  | (?P<COMMENT>\#[^\n]*)
  | (?P<NEWLINE>\n)
  | (?P<SKIP>[ \t]+)
""", re.VERBOSE)


def tokenize(src):
    counts = {}
    total = 0
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        counts[kind] = counts.get(kind, 0) + 1
        total += m.end() - m.start()
    return total, sorted(counts.items())


def main():
    checksum = 0
    src = make_source(3000)
    log = make_log(6000)
    for _ in range(3):
        total, counts = tokenize(src)
        checksum += total + sum(c for _, c in counts)

        emails = re.findall(r"\b[\w.]+@[\w.]+\.\w+\b", log)
        checksum += len(emails) + len(set(emails))
        dates = re.findall(r"(\d{4})-(\d\d)-(\d\d)", log)
        checksum += sum(int(d) for _, _, d in dates)
        errors = [m.group(1) for m in re.finditer(r"\[ERROR\] (\S+)", log)]
        checksum += len(errors)

        doubled = re.sub(r"\d+", lambda m: str(int(m.group()) * 2), log[:200000])
        checksum += len(doubled)
        swapped = re.sub(r"(\w+)@(\w+)", r"\2 at \1", log[:100000])
        checksum += len(swapped)
        checksum += len(re.sub(r"\s+", " ", src))
        checksum += re.subn(r"(?i)alpha|omega", "X", src)[1]

        fields = [re.split(r"\s+", line, maxsplit=4) for line in log.splitlines()[:3000]]
        checksum += sum(len(f) for f in fields)
        checksum += len(re.split(r"[=():,]", src))

        valid = 0
        for line in log.splitlines()[:3000]:
            if re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[\w+\] .* \d{3} \d+ms", line):
                valid += 1
        checksum += valid
        ident = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
        checksum += sum(1 for w in src.split() if ident.fullmatch(w))
        checksum += len(re.findall(r"(?m)^if .*:", src))
    print(checksum)


main()
