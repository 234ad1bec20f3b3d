# traceback.StackSummary.extract/format/from_list, walk_stack, print_stack,
# extract_stack and format_stack with limits, and FrameSummary positions.
import sys
import traceback


def leaf():
    stack = traceback.extract_stack()
    print([(f.name, f.lineno) for f in stack[-3:]])
    print([(f.name, f.lineno) for f in traceback.extract_stack(limit=2)])
    traceback.print_stack(limit=2, file=sys.stdout)
    print("".join(traceback.format_stack(limit=1)), end="")
    frames = [f.f_code.co_name for f, _ in traceback.walk_stack(None)]
    print(frames[:3])
    summary = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), limit=2)
    print([f.name for f in summary])
    print("".join(summary.format()), end="")
    return stack[-1]


def middle():
    return leaf()


fs = middle()
print(fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line))

built = traceback.StackSummary.from_list([("file.py", 10, "func", "x = 1"), traceback.FrameSummary("other.py", 3, "g", line="y()")])
print("".join(built.format()), end="")
print(built[0] == ("file.py", 10, "func", "x = 1"))
fs = traceback.FrameSummary("f.py", 1, "h", lookup_line=False, locals={"a": 1}, line="pass")
print(fs.line, fs.locals, fs == traceback.FrameSummary("f.py", 1, "h", line="pass"))
print(traceback.format_list([("a.py", 1, "f", "x"), ("b.py", 2, "g", None)]))
traceback.print_list([("a.py", 1, "f", "line")], file=sys.stdout)
