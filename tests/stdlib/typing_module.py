# typing: aliases, generics, unions, NamedTuple, TypedDict, get_type_hints.
from typing import Any, Callable, Dict, Generic, List, NamedTuple, Optional, TypeVar, TypedDict, Union, get_type_hints

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


class Point(NamedTuple):
    x: int
    y: int = 0


class Movie(TypedDict):
    title: str
    year: int


def f(a: int, b: "str" = "x") -> Optional[List[int]]:
    return None


print(List[int], Dict[str, int], Optional[int], Union[int, str], Callable[[int], str])
print(Box[int], Box(3).item, T, Any)
p = Point(1)
print(p, p._replace(y=5), p._asdict(), Point._fields)
m: Movie = {"title": "x", "year": 1}
print(m, Movie.__required_keys__ == frozenset({"title", "year"}))
print(get_type_hints(f))
print(int | str == Union[int, str], Optional[int] == Union[int, None])
