import sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        print("ATTRS", type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), file=sys.stderr)
    sys.__excepthook__(t, e, tb)
sys.excepthook = hook
