# types.GenericAlias (PEP 585/646): substituting type variables, unpacking
# (*tuple[...]), pickling, __orig_class__, dir().
from typing import TypeVar, Generic, TypeVarTuple, Unpack
import pickle, copy
T = TypeVar("T"); S = TypeVar("S"); Ts = TypeVarTuple("Ts")
print(list[T][int], dict[str, T][int], dict[T, list[S]][str, int])
print(list[T].__parameters__, dict[T, list[S]].__parameters__)
a = [*tuple[int, str]]
print(a, a[0].__unpacked__, a[0].__typing_unpacked_tuple_args__, tuple[int].__unpacked__)
print(tuple[int, *tuple[str, ...]])
print(tuple[*Ts][int, str], tuple[T, *Ts][int, str, float])
try: list[int][str]
except TypeError as e: print(e)
try: dict[T, S][int]
except TypeError as e: print(e)
print(pickle.loads(pickle.dumps(list[int])), copy.deepcopy(dict[str, T]))
print(pickle.loads(pickle.dumps(a[0])))
print(a[0] == tuple[int, str], a[0] == [*tuple[int, str]][0])
class G(Generic[T]): pass
g = G[int]()
print(g.__orig_class__)
print("__origin__" in dir(list[int]), "append" in dir(list[int]))
print(list[int].__reduce__())

it = iter(tuple[int])
print(type(it).__name__, next(it), next(it, "done"))
print(pickle.loads(pickle.dumps(iter(list[int]))).__next__())
print(hash(list[int]) == hash(list[int]), list[int] == list[int], list[int] != list[str])
print(isinstance(list[int], type), type(list[int]).__module__, type(list[int]).__name__)
for bad in [lambda: list[int][int], lambda: dict[T, T][int, str], lambda: tuple[T, S][int, str, bytes]]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
print(dict[T, T][int], list[list[T]][str], tuple[T, ...][int])

# Unions with type variables, and GenericAlias subclasses in unions.
import collections.abc
U = int | list[T]
print(U[str], U.__parameters__, (T | None)[int], (dict[T, S] | T)[str, bytes])
try:
    (int | str)[int]
except TypeError as e:
    print("TypeError", e)
C = collections.abc.Callable[[int], str]
print(int | C, C | None)
try:
    isinstance(1, int | C)
except TypeError as e:
    print("TypeError", e)
print(isinstance(1, int | list[int]), issubclass(int, int | list[int]))
for bad in [lambda: isinstance(1, list[int] | int), lambda: issubclass(int, str | list[int])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
