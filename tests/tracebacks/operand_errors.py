# Unsupported operand types, not subscriptable/iterable/callable messages.
cases = [
    lambda: 1 + "a",
    lambda: "a" - 1,
    lambda: [] * 1.5,
    lambda: None < 1,
    lambda: {} | 1,
    lambda: -"x",
    lambda: ~1.5,
    lambda: 5[0],
    lambda: None["k"],
    lambda: len(5),
    lambda: iter(5),
    lambda: [x for x in 3],
    lambda: 5(),
    lambda: "s"(),
    lambda: (1, 2)[1:2:0],
    lambda: {}[[]],
    lambda: {[]: 1},
    lambda: a_undefined_name,
    lambda: 1 @ 2,
    lambda: divmod("a", 1),
    lambda: 2 ** "x",
    lambda: pow(2, 3, "m"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, e)
x = [1, 2] + (3,)
