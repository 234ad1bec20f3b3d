import random, subprocess, tempfile, os, sys, json
sys.path.insert(0, "/work/scratch_tok")
TOOL = os.environ.get("TOKDUMP", "target/debug/examples/tokdump")
from concurrent.futures import ThreadPoolExecutor
PIECES = ["x", "1", "0", "_", "e", "j", ".", "'", '"', "'''", '"""', "\\", "\n", "\n", "\n", " ", "  ", "    ", "\t", "(", ")", "[", "]",
          "{", "}", "#", "if", "else", "0x", "0o", "0b", "é", "€", "\xa0", "\r\n", "\r", "\x0c", ":", "=", "+", "$",
          "f", "rb", "9", "8", "\x01", "a", "or", "in", "not", "5", "1_0", "...", "\0",
          "\\\n", "async", "0_", "1e", "J", "B", "'x'", "if x:\n", "  pass\n", "\t\n", "\t ",
          "((", "))", "\u00b2", "\u2028", "\ufeff", "\U0001d518", "x\u0301", "\x7f", "<>", "!"]
TOKMSG = ("invalid decimal", "invalid hex", "invalid octal", "invalid binary", "invalid imaginary", "invalid digit",
          "leading zeros", "unterminated", "unmatched", "closing parenthesis", "invalid character", "invalid non-printable",
          "too many", "unexpected character after line", "unindent does not match", "inconsistent use of tabs",
          "unexpected EOF while parsing", "source code cannot")
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
cases = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(n)]
d = tempfile.mkdtemp()
env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.abspath(__file__)))
def run(i):
    p = os.path.join(d, "c%05d.py" % i)
    with open(p, "w", encoding="utf-8", newline="") as f: f.write(cases[i])
    r = subprocess.run(["python3.11", p], capture_output=True, text=True, env=env)
    a = [l[6:] for l in r.stderr.splitlines() if l.startswith("ATTRS ")]
    return p, (a[0] if a else None)
with ThreadPoolExecutor(2) as ex:
    res = list(ex.map(run, range(n)))
files = [p for p, _ in res]
out = []
for i in range(0, len(files), 500):
    out += subprocess.run([TOOL, "--errors"] + files[i:i+500], capture_output=True, text=True).stdout.split("\n")[:-1]
bad = 0
for (p, exp), c, line in zip(res, cases, out):
    if exp is not None and any(m in exp for m in ("'unexpected indent'", "'unexpected unindent'")):
        continue
    if line.startswith("OK"):
        if exp is not None and any(("'" + m) in exp for m in TOKMSG):
            bad += 1; print("MISSING", repr(c), "\n   cpy :", exp)
        continue
    f = line.split("\t")
    loc = f[2:6] if f[2] != "0" else ["None"] * 4
    text = "None" if f[6] == "None" else repr(json.loads(f[6][5:-1]))
    m = " ".join([f[0], repr(f[1])] + loc + [text])
    if f[7] == "true" or (exp is not None and any(("'" + x) in exp for x in TOKMSG)):
        if m != exp:
            bad += 1; print("DIFF", repr(c), "\n   mine:", m, "\n   cpy :", exp)
print("cases", n, "bad", bad)
