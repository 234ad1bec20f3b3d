import contextvars
from contextvars import ContextVar, Context, copy_context, Token
v = ContextVar('v', default=5)
w = ContextVar('w')
print(v.name, v.get(), w.get(7))
try: w.get()
except LookupError as e: print('LookupError', type(e.args[0]).__name__, e.args[0] is w)
t = v.set(10)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(20)
print(t2.old_value)
v.reset(t2); print(v.get())
try: v.reset(t2)
except RuntimeError as e: print('RuntimeError', str(e).startswith('<Token used var=<ContextVar name='), 'has already been used once' in str(e))
try: w.reset(t)
except ValueError as e: print('ValueError', 'different ContextVar' in str(e))
try: v.reset(1)
except TypeError as e: print(e)
ctx = copy_context()
print(len(ctx), v in ctx, w in ctx, ctx[v], ctx.get(w), ctx.get(w, 'd'))
try: ctx[1]
except TypeError as e: print(e)
try: ctx[w]
except KeyError as e: print('KeyError', e.args[0] is w)
def f(a, b=2):
    v.set(a + b)
    tok = w.set('in')
    return v.get(), w.get()
print(ctx.run(f, 1, b=3))
print(v.get(), ctx[v], ctx[w], w.get('none'))
def g():
    try: ctx.run(g)
    except RuntimeError as e: print('RuntimeError', 'is already entered' in str(e), str(e).startswith('cannot enter context: <_contextvars.Context object at'))
ctx.run(g)
t3 = v.set(99)
def h():
    try: v.reset(t3)
    except ValueError as e: print('ValueError', str(e).endswith('was created in a different Context'))
Context().run(h)
print(sorted(x.name for x in ctx), sorted(k.name for k in ctx.keys()), sorted(map(str, ctx.values())))
print(ctx == ctx.copy(), ctx == Context(), Context() == Context(), ctx != ctx.copy())
try: hash(ctx)
except TypeError as e: print(e)
try: Context(1)
except TypeError as e: print(e)
try: ContextVar(1)
except TypeError as e: print(e)
try: Token()
except RuntimeError as e: print(e)
print(ContextVar[int], Token[str])
print(repr(v).startswith("<ContextVar name='v' default=5 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
print(hash(v) == hash(v), type(hash(v)))
print(type(ctx).__module__, ContextVar.__module__, Token.__module__)
try: ctx.run()
except TypeError as e: print(e)

# Generators and nested runs see the context they run in.
req = ContextVar('req', default='-')
def handler(n):
    req.set(f'request-{n}')
    return inner()
def inner():
    return req.get()
results = [copy_context().run(handler, i) for i in range(3)]
print(results, req.get())
outer = copy_context()
def nest():
    req.set('outer')
    inner_ctx = copy_context()
    def deeper():
        before = req.get()
        req.set('deeper')
        return before, req.get()
    r = inner_ctx.run(deeper)
    return r, req.get(), inner_ctx[req]
print(outer.run(nest))
print(outer[req], req in outer, len(outer) >= 1)

# Exceptions propagate out of run() and the context is left.
def boom():
    req.set('boom')
    raise KeyError('x')
c2 = Context()
try:
    c2.run(boom)
except KeyError as e:
    print('KeyError', e)
print(c2[req], req.get())
c2.run(lambda: print('re-entered', req.get()))

# Tokens across a set/reset chain restore every step.
counter = ContextVar('counter', default=0)
toks = [counter.set(i) for i in range(1, 5)]
for t in reversed(toks):
    print(counter.get(), end=' ')
    counter.reset(t)
print(counter.get(), [t.old_value for t in toks][1:])
print(repr(toks[0]).startswith('<Token used var=<ContextVar name='))
try:
    ContextVar('x', 1)
except TypeError as e:
    print(e)
try:
    ContextVar('x', defaut=1)
except TypeError as e:
    print(e)
try:
    ContextVar()
except TypeError as e:
    print(e)
try:
    counter.set()
except TypeError as e:
    print(e)
try:
    ContextVar.get(1)
except TypeError as e:
    print(type(e).__name__)
print(ContextVar('q', default=None).get())
for f in [lambda: counter.get(1, 2), lambda: counter.reset(), lambda: copy_context().get(),
          lambda: copy_context().copy(1), lambda: copy_context().keys(1), lambda: copy_context().get(1, 2, 3),
          lambda: ContextVar('x', 1, 2)]:
    try:
        f()
    except TypeError as e:
        print(e)
