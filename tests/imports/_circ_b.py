print("b start")
import _circ_a
print("b sees a partially:", _circ_a.A_EARLY, hasattr(_circ_a, "A_LATE"))
from _circ_a import A_EARLY
try:
    from _circ_a import A_LATE
except ImportError as e:
    print(type(e).__name__, str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
    print(e.name, e.path.rsplit("/", 1)[-1])
B = "b done"
