# sys.settrace: the events a trace function sees ('call', 'line', 'return',
# 'exception', 'opcode'), local trace functions, loops, generators,
# exceptions caught and uncaught, a trace function that raises, f_trace_lines.
import sys

log = []


def tracer(frame, event, arg):
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'return':
        arg = repr(arg)
    log.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    return tracer


def flush(title):
    print('--', title)
    for entry in log:
        print(*entry)
    log.clear()


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total


def gen(n):
    for i in range(n):
        yield i * i
    return 'done'


def raiser(kind):
    if kind:
        raise KeyError(kind)
    return 0


def catcher():
    try:
        raiser('k')
    except KeyError as e:
        caught = e
    finally:
        tail = 1
    return str(caught) + str(tail)


def nested():
    def inner(x):
        return x + 1
    return [inner(i) for i in range(2)]


class Point:
    def __init__(self, x):
        self.x = x

    @property
    def double(self):
        return self.x * 2


def uses_class():
    p = Point(3)
    return p.double + len([p])


for name, call in [
    ('loop', lambda: loop(4)),
    ('generator', lambda: list(gen(3))),
    ('caught', catcher),
    ('nested', nested),
    ('class', uses_class),
]:
    sys.settrace(tracer)
    result = call()
    sys.settrace(None)
    flush('%s -> %r' % (name, result))

# An uncaught exception passes through frames: 'exception' in each, then 'return' None.
sys.settrace(tracer)
try:
    raiser('deep')
except KeyError:
    pass
sys.settrace(None)
flush('uncaught')


# A global trace function that returns None for some frames: no local events there.
def selective(frame, event, arg):
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    return selective if frame.f_code.co_name == 'loop' else None


sys.settrace(selective)
loop(2)
raiser(0)
sys.settrace(None)
flush('selective')


# A trace function that raises: the error propagates and tracing stops.
def bad(frame, event, arg):
    if event == 'line' and frame.f_lineno > frame.f_code.co_firstlineno + 2:
        raise RuntimeError('tracer failed')
    return bad


sys.settrace(bad)
try:
    loop(3)
except RuntimeError as e:
    print('raised:', e, sys.gettrace())
sys.settrace(None)


# f_trace_lines = False: calls and returns but no lines.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    log.append((event, frame.f_code.co_name))
    return no_lines


sys.settrace(no_lines)
loop(2)
sys.settrace(None)
flush('no lines')


# Setting f_trace on the caller's frame, as pdb.set_trace() does.
def local_only(frame, event, arg):
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    return local_only


def start_tracing():
    caller = sys._getframe(1)
    caller.f_trace = local_only
    sys.settrace(lambda *a: None)


def traced_here():
    start_tracing()
    a = 1
    b = a + 1
    sys.settrace(None)
    return b


traced_here()
flush('f_trace of the caller')
print(sys.gettrace())
