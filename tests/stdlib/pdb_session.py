# A scripted pdb session (commands from a StringIO): stepping into and over
# calls, breakpoints by line and by function, printing and changing nothing,
# 'where', 'return', 'until' and 'continue'; then the trace module's counts.
import io
import pdb
import sys


def add(a, b):
    c = a + b
    return c


def scale(values, k):
    out = []
    for v in values:
        out.append(v * k)
    return out


def main():
    x = 1
    y = add(x, 2)
    z = scale([y, x], 10)
    for i in range(3):
        x += i
    return x, y, z


commands = """\
s
n
p x
n
s
n
p c
r
n
p y
b scale
c
where
n
n
n
until
p out
c
"""


class Session(pdb.Pdb):
    def __init__(self):
        super().__init__(stdin=io.StringIO(commands), stdout=sys.stdout, nosigint=True, readrc=False)
        # Paths differ between machines; show names only.
        self.prompt = '(Pdb) '

    def format_stack_entry(self, frame_lineno, lprefix=': '):
        frame, lineno = frame_lineno
        return '%s(%d)%s()' % (frame.f_code.co_filename.rsplit('/', 1)[-1], lineno, frame.f_code.co_name)


def debugged():
    session = Session()
    session.set_trace(sys._getframe())
    return main()


print(debugged())
sys.settrace(None)

import trace

tracer = trace.Trace(count=1, trace=0)
result = tracer.runfunc(scale, [1, 2, 3], 2)
counts = tracer.results().counts
print(result, sorted((line, n) for (filename, line), n in counts.items() if filename == __file__))
