from __future__ import annotations
def f(a: List[int], *b: Tuple[int, ...], c: Dict[str, "X"] = {}, **d: lambda x: x) -> Optional[int | None]:
    x: int = 5
    return x
class C:
    attr: ClassVar[float] = 1.0
    other: f"{a!r:>{w}}" = 2
    y: (a, b) = 3
    z: a if b else c
    w: [x async for x in y]
    v: 1e309 + 1j * 1e309
    u: -(-a) ** 2
