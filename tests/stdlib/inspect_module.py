# inspect: signatures, parameters and binding, source of functions and
# classes, members, frames and stacks, kinds of callables, unwrap, cleandoc.
import inspect, functools

def plain(a, b=2, *args, c, d=4, **kw):
    """Add things.

    More text here.
    """
    return a + b

async def coro(x): return x
def gen(): yield 1
class Shape:
    """A shape."""
    sides = 0
    def __init__(self, name, *, color="red"):
        self.name = name
    def area(self): return 0
    @property
    def label(self): return self.name
    @staticmethod
    def make(): return Shape("x")
    @classmethod
    def build(cls, n): return cls(n)

sig = inspect.signature(plain)
print(sig, list(sig.parameters), [p.kind.name for p in sig.parameters.values()])
print(sig.parameters["b"].default, sig.parameters["c"].default is inspect.Parameter.empty)
ba = sig.bind(1, c=3, extra=5)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print(e)
print(inspect.signature(Shape), inspect.signature(Shape.area), inspect.signature(Shape("q").area))
print(inspect.signature(functools.partial(plain, 1, c=0)))
print(inspect.getdoc(plain))
print(inspect.cleandoc("   first\n      indented\n   back"))
print(inspect.getsource(Shape.area), end="")
print(inspect.getsource(plain).splitlines()[0])
print(inspect.getsourcelines(gen)[1], inspect.getfile(plain).rsplit("/", 1)[-1], inspect.getmodule(plain).__name__)
print(inspect.isfunction(plain), inspect.isclass(Shape), inspect.ismethod(Shape("a").area), inspect.isgeneratorfunction(gen),
      inspect.iscoroutinefunction(coro), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print([n for n, _ in inspect.getmembers(Shape) if not n.startswith("__")])
print([n for n, _ in inspect.getmembers(Shape, inspect.isfunction)])
print(inspect.getmro(bool))
def outer():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    return info.function, info.lineno, [f.function for f in inspect.stack()[:2]]
print(outer())
@functools.wraps(plain)
def wrapper(*a, **k): return plain(*a, **k)
print(inspect.unwrap(wrapper) is plain, inspect.signature(wrapper))
print(type(inspect.getattr_static(Shape, "label")).__name__, type(inspect.getattr_static(Shape, "make")).__name__)
g = gen()
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g))
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3, annotation=int))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
def annotated(x: int, y: "str" = "s") -> list: pass
print(inspect.signature(annotated), inspect.get_annotations(annotated))
print(inspect.getclosurevars(outer).globals.keys() >= {"inspect"})
