import random, subprocess, tempfile, os, sys, json
TOOL = os.environ.get("TOKDUMP", "target/debug/examples/tokdump")
PIECES = ["x", "1", "0", "_", "e", "j", ".", "'", '"', "'''", '"""', "\\", "\n", "\n", "\n", " ", "  ", "    ", "\t", "(", ")", "[", "]",
          "{", "}", "#", "if", "else", "0x", "0o", "0b", "é", "€", "\xa0", "\r\n", "\r", "\x0c", ":", "=", "+", "$",
          "f", "rb", "9", "8", "\x01", "a", "or", "in", "not", "5", "1_0", "...",
          "\\\n", "async", "0_", "1e", "E", "J", "B", "U", "F", "R", "'x'", "if x:\n", "  pass\n", "\t\n", "\t ",
          "((", "))", "[{", "}]", "\u00b2", "\u2028", "\ufeff", "\U0001d518", "x\u0301", "\x7f", "\x0b", "<>", "!", "->"]
TOKMSG = ("invalid decimal", "invalid hex", "invalid octal", "invalid binary", "invalid imaginary", "invalid digit",
          "leading zeros", "unterminated", "unmatched", "closing parenthesis", "invalid character", "invalid non-printable",
          "too many", "unexpected character after line", "unindent does not match", "inconsistent use of tabs",
          "unexpected EOF while parsing", "null bytes")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rnd = random.Random(seed)
cases = []
for _ in range(n):
    k = rnd.randint(1, 14)
    cases.append("".join(rnd.choice(PIECES) for _ in range(k)))
d = tempfile.mkdtemp()
files = []
for i, c in enumerate(cases):
    p = os.path.join(d, "c%05d.py" % i)
    with open(p, "w", encoding="utf-8", newline="") as f: f.write(c)
    files.append(p)
out = []
for i in range(0, len(files), 500):
    out += subprocess.run([TOOL, "--errors", "--string"] + files[i:i+500], capture_output=True, text=True).stdout.split("\n")[:-1]
import warnings
warnings.simplefilter("ignore")
bad = 0
for c, line in zip(cases, out):
    try:
        compile(c, "f", "exec"); exp = None
    except SyntaxError as e:
        exp = "\t".join(map(str, [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, "Some(%s)" % json.dumps(e.text, ensure_ascii=False) if e.text is not None else None]))
        expmsg = e.msg
    except ValueError as e:
        continue
    if exp is not None and expmsg in ("unexpected indent", "unexpected unindent"):
        continue  # pegen reports these without looking further
    if line.startswith("OK"):
        if exp is not None and expmsg.startswith(TOKMSG) and "was never closed" not in expmsg:
            bad += 1; print("MISSING", repr(c), "\n   cpy :", exp)
        continue
    if "\t" not in line: print("BADLINE", repr(line), repr(c)); continue
    mine, raised = line.rsplit("\t", 1)
    if raised == "true":
        if mine != exp:
            bad += 1; print("DIFF", repr(c), "\n   mine:", mine, "\n   cpy :", exp)
    else:
        if exp is not None and expmsg.startswith(TOKMSG) and mine != exp:
            bad += 1; print("DIFF(nonraised)", repr(c), "\n   mine:", mine, "\n   cpy :", exp)
print("cases", len(cases), "bad", bad)
