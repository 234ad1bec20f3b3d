# The 15-sub-exception and depth-10 truncations together: a wide group whose
# members are nested groups, and a deep chain of groups with several leaves
# at each level.
def nest(depth):
    g = ExceptionGroup(f"level {depth}", [ValueError(depth), KeyError(depth)])
    for d in range(depth - 1, 0, -1):
        g = ExceptionGroup(f"level {d}", [g, TypeError(d)])
    return g


wide = ExceptionGroup("wide", [ExceptionGroup(f"g{i}", [ValueError(i)]) if i % 4 == 0 else IndexError(i) for i in range(18)])
import traceback

print("".join(traceback.format_exception(wide)), end="")
deep = nest(12)
print("".join(traceback.format_exception(deep)), end="")
raise ExceptionGroup("both", [wide, deep])
