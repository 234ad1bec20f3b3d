# match on sequences and mappings: lengths, star positions, nested captures, non-sequence types.
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"single {x!r}"
        case [x, y]:
            return f"pair {x!r},{y!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first}..{last} ({len(middle)} inside)"
        case [first, *_, last]:
            return f"short {first}..{last}"
        case str() | bytes():
            return "text"
        case {"id": int(i), "tags": [*tags]}:
            return f"record {i} tags={tags}"
        case {"id": _}:
            return "record without tags"
        case _:
            return f"other {type(v).__name__}"
for v in [[], [1], (1, 2), [1, 2, 3], list(range(7)), "ab", b"ab", {"id": 3, "tags": ("a", "b")}, {"id": 1, "tags": "x"},
          {"id": None}, 5, range(3), {1, 2}, bytearray(b"x") if False else (9,)]:
    print(shape(v))
def parse_cmd(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"move {d}"
        case ["go", *_]:
            return "bad direction"
        case ["take", *items] if items:
            return f"take {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"
print([parse_cmd(c) for c in ["go north", "go up", "take key lamp", "take", "exit", "dance now"]])
match (1, (2, (3, (4,)))):
    case (a, (b, (c, (d,)))):
        print(a + b + c + d)
match {"a": {"b": [1, {"c": "deep"}]}}:
    case {"a": {"b": [_, {"c": value}]}}:
        print(value)
match [1, 2, 3]:
    case (1, *rest):
        print("tuple pattern matches list", rest)
match 5:
    case x if x > 10:
        print("big")
    case x:
        print("fallback captured", x)
print(x)
