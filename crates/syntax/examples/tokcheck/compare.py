import os
"""Compare pyrite's tokenizer (tokdump output) against CPython 3.11.

usage: python3.11 compare.py FILES...   (runs tokdump itself)
"""
import sys, io, tokenize, token, keyword, subprocess, os

TOOL = os.environ.get("TOKDUMP", "target/debug/examples/tokdump")

def camel(name):
    return "".join(p.capitalize() for p in name.split("_"))

OPNAMES = {
    'LPAR':'Lpar','RPAR':'Rpar','LSQB':'Lsqb','RSQB':'Rsqb','COLON':'Colon','COMMA':'Comma','SEMI':'Semi',
    'PLUS':'Plus','MINUS':'Minus','STAR':'Star','SLASH':'Slash','VBAR':'Vbar','AMPER':'Amper','LESS':'Less',
    'GREATER':'Greater','EQUAL':'Equal','DOT':'Dot','PERCENT':'Percent','LBRACE':'Lbrace','RBRACE':'Rbrace',
    'EQEQUAL':'EqEqual','NOTEQUAL':'NotEqual','LESSEQUAL':'LessEqual','GREATEREQUAL':'GreaterEqual',
    'TILDE':'Tilde','CIRCUMFLEX':'Circumflex','LEFTSHIFT':'LeftShift','RIGHTSHIFT':'RightShift',
    'DOUBLESTAR':'DoubleStar','PLUSEQUAL':'PlusEqual','MINEQUAL':'MinEqual','STAREQUAL':'StarEqual',
    'SLASHEQUAL':'SlashEqual','PERCENTEQUAL':'PercentEqual','AMPEREQUAL':'AmperEqual','VBAREQUAL':'VbarEqual',
    'CIRCUMFLEXEQUAL':'CircumflexEqual','LEFTSHIFTEQUAL':'LeftShiftEqual','RIGHTSHIFTEQUAL':'RightShiftEqual',
    'DOUBLESTAREQUAL':'DoubleStarEqual','DOUBLESLASH':'DoubleSlash','DOUBLESLASHEQUAL':'DoubleSlashEqual',
    'AT':'At','ATEQUAL':'AtEqual','RARROW':'Rarrow','ELLIPSIS':'Ellipsis','COLONEQUAL':'ColonEqual',
}

def expected_tokens(src):
    """The C tokenizer's view (kind, lineno, col, end_lineno, end_col), derived from tokenize."""
    out = []
    lines = src.splitlines(keepends=True)
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    prev = None
    nlines = len(lines)
    last_len = len(lines[-1].rstrip("\r\n").encode()) + 1 if lines else 0
    def bcol(l, c):
        # tokenize columns are characters; C's are UTF-8 bytes.
        if l - 1 < len(lines):
            return len(lines[l - 1][:c].encode())
        return c
    for t in toks:
        ty = token.tok_name[t.type]
        (l, c), (el, ec) = t.start, t.end
        if ty in ('COMMENT', 'NL', 'ENCODING'):
            prev = t
            continue
        if ty == 'NAME':
            kind = 'Keyword(%s)' % t.string.capitalize() if keyword.iskeyword(t.string) else 'Name'
            if keyword.iskeyword(t.string):
                kind = 'Keyword(%s)' % {'False':'False','None':'None','True':'True'}.get(t.string, t.string.capitalize())
            out.append((kind, l, bcol(l, c), el, bcol(el, ec)))
        elif ty in ('NUMBER', 'STRING'):
            out.append((ty.capitalize(), l, bcol(l, c), el, bcol(el, ec)))
        elif ty == 'OP':
            out.append((OPNAMES[token.tok_name[t.exact_type]], l, bcol(l, c), el, bcol(el, ec)))
        elif ty == 'NEWLINE':
            sc = bcol(l, c)
            if prev is not None and token.tok_name[prev.type] == 'COMMENT' and prev.start[0] == l:
                sc = bcol(l, prev.start[1])
            out.append(('Newline', l, sc, l, bcol(l, c)))
        elif ty == 'INDENT':
            out.append(('Indent', l, bcol(el, ec), l, bcol(el, ec)))
        elif ty in ('DEDENT', 'ENDMARKER'):
            kind = 'Dedent' if ty == 'DEDENT' else 'EndMarker'
            if l > nlines:
                out.append((kind, nlines, 0, nlines, 0))  # file mode: the buffer was emptied at EOF
            else:
                out.append((kind, l, bcol(l, c), l, bcol(l, c)))
        else:
            out.append((ty, l, c, el, ec))
        prev = t
    return out

def run_tool(files):
    res = subprocess.run([TOOL] + files, capture_output=True, text=True)
    per = {}
    cur = None
    if len(files) == 1:
        cur = files[0]; per[cur] = []
    for line in res.stdout.splitlines():
        if line.startswith("FILE "):
            cur = line[5:]; per[cur] = []
        else:
            per[cur].append(line)
    return per

def main():
    files = sys.argv[1:]
    per = {}
    for i in range(0, len(files), 200):
        per.update(run_tool(files[i:i+200]))
    bad = 0
    for f in files:
        raw = open(f, 'rb').read()
        try:
            src = raw.decode('utf-8')
        except UnicodeDecodeError:
            continue
        lines = per.get(f)
        if lines is None:
            continue
        mine = []
        err = None
        for ln in lines:
            if ln.startswith(("ERROR", "WARNING", "OPEN")):
                if ln.startswith("ERROR"): err = ln
                continue
            p = ln.split()
            mine.append((p[0], int(p[1]), int(p[2]), int(p[3]), int(p[4])))
        try:
            exp = expected_tokens(src)
            experr = None
        except Exception as e:
            exp = None
            experr = e
        try:
            compile(raw, f, 'exec')
            cerr = None
        except SyntaxError as e:
            cerr = e
        except Exception as e:
            cerr = e
        if err is not None:
            if cerr is None:
                print("MINE-ONLY ERROR", f, err); bad += 1
            else:
                print("BOTH ERROR", f, err, "| CPython:", type(cerr).__name__, cerr.msg if isinstance(cerr, SyntaxError) else cerr, getattr(cerr,'lineno',None), getattr(cerr,'offset',None))
            continue
        if exp is None:
            print("TOKENIZE FAILED", f, experr, "| compile:", cerr)
            continue
        if mine != exp:
            bad += 1
            for i, (a, b) in enumerate(zip(mine, exp)):
                if a != b:
                    print("DIFF", f, "token", i, "mine", a, "expected", b)
                    break
            else:
                print("DIFF", f, "lengths", len(mine), len(exp), mine[-3:], exp[-3:])
    print("files", len(files), "bad", bad)

main()
