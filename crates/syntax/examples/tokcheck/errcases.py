import os
"""Check tokenizer errors against compile(src, 'f', 'exec') in python3.11.
Each case is a Python str literal per line in cases.txt."""
import sys, subprocess, os, tempfile
TOOL = os.environ.get("TOKDUMP", "target/debug/examples/tokdump")
cases = [eval(l) for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
d = tempfile.mkdtemp()
files = []
for i, c in enumerate(cases):
    p = os.path.join(d, "c%04d.py" % i)
    with open(p, 'w', encoding='utf-8', newline='') as f: f.write(c)
    files.append(p)
out = subprocess.run([TOOL, "--errors", "--string"] + files, capture_output=True, text=True).stdout.split("\n")[:-1]
bad = 0
for c, line in zip(cases, out):
    try:
        compile(c, 'f', 'exec'); exp = "OK"
    except SyntaxError as e:
        exp = "\t".join(map(str, [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, "Some(%s)" % __import__('json').dumps(e.text, ensure_ascii=False) if e.text is not None else None]))
    mine = line
    if mine.startswith("OK"):
        ok = exp == "OK" or True
        status = "ok?" 
        print("%-6s %r\n   mine: %s\n   cpy : %s" % ("NOERR" if exp != "OK" else "ok", c, mine, exp))
        continue
    m = mine.rsplit("\t", 1)[0]
    if m == exp:
        print("same   %r  (%s)" % (c, mine.split("\t")[1]))
    else:
        bad += 1
        print("DIFF   %r\n   mine: %s\n   cpy : %s" % (c, m, exp))
print("bad", bad)
