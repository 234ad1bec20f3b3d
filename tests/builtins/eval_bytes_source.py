# eval/exec/compile of bytes: UTF-8 by default, BOM and coding cookies honoured, decoding errors.
def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

attempt("utf8", lambda: eval("'héllo'".encode()))
attempt("bom", lambda: eval(b"\xef\xbb\xbf'bom'"))
attempt("latin-1 cookie", lambda: eval(b"# -*- coding: latin-1 -*-\n'\xe9'"))
attempt("cookie line 2", lambda: eval(b"#!/usr/bin/env python\n# coding=latin-1\n'\xe9'"))
attempt("cookie after code", lambda: eval(b"'\xc3\xa9'\n# coding: latin-1\n"))
attempt("unknown codec", lambda: eval(b"# coding: no-such-codec\n1"))
attempt("bom + latin-1", lambda: eval(b"\xef\xbb\xbf# coding: latin-1\n1"))
attempt("str ignores cookie", lambda: eval("# coding: latin-1\n'é'"))
attempt("exec latin-1", lambda: exec(b"# coding: latin-1\nv = '\xe9'\nprint(v, len(v))"))
attempt("compile bytes", lambda: compile(b"x = 1", "b.py", "exec").co_filename)
attempt("surrogate str", lambda: eval("'\ud800'"))
attempt("surrogate source", lambda: compile("x = '\ud800'" + chr(0xdc00), "s", "exec"))
attempt("leading tab bytes", lambda: eval(b"\t\t3"))
attempt("leading newline bytes", lambda: eval(b"\n3"))
attempt("crlf", lambda: eval(b"1 +\\\r\n 2"))
attempt("exec crlf", lambda: exec(b"a = 1\r\nb = a + 1\r\nprint(b)\r\n"))
attempt("memoryview", lambda: "skip")
attempt("int source", lambda: exec(123))
attempt("list source", lambda: compile([], "f", "exec"))
attempt("None source", lambda: eval(None))
for src in [b"# coding: no-such-codec\n1", b"\xef\xbb\xbf# coding: latin-1\n1"]:
    for mode in ["eval", "exec"]:
        try:
            compile(src, "f.py", mode)
        except SyntaxError as e:
            print(mode, e.args, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
