"""Like errcases.py but file mode: python3.11 FILE vs tokdump --errors FILE."""
import sys, subprocess, os, tempfile, json
TOOL = os.environ.get("TOKDUMP", "target/debug/examples/tokdump")
cases = [eval(l) for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
d = tempfile.mkdtemp()
bad = 0
env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.abspath(__file__)))
for i, c in enumerate(cases):
    p = os.path.join(d, "c%04d.py" % i)
    data = c if isinstance(c, bytes) else c.encode('utf-8')
    with open(p, 'wb') as f: f.write(data)
    r = subprocess.run(["python3.11", p], capture_output=True, text=True, env=env)
    attrs = [l for l in r.stderr.splitlines() if l.startswith("ATTRS ")]
    exp = attrs[0][6:] if attrs else "OK"
    mine = subprocess.run([TOOL, "--errors", p], capture_output=True, text=True).stdout.strip()
    if mine.startswith("OK"):
        if exp != "OK": print("NOERR  %r\n   cpy : %s" % (c, exp))
        continue
    f = mine.split("\t")
    def none0(x): return "None" if x == "0" else x
    loc = f[2:6] if f[2] != "0" else ["None"] * 4
    text = f[6]
    text = "None" if text == "None" else repr(json.loads(text[5:-1]))
    m = " ".join([f[0], repr(f[1])] + loc + [text])
    if m.replace(p, "P") == exp.replace(p, "P"):
        print("same   %r  (%s)" % (c, f[1][:60]))
    else:
        bad += 1
        print("DIFF   %r\n   mine: %s\n   cpy : %s" % (c, m, exp))
print("bad", bad)
