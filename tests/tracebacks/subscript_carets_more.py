# Markers for failing subscripts: nested subscripts, slices, subscripts of
# call results, dict keys with expressions, and assignment targets.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def nested(grid, i, j):
    return grid[i][j] + 1


def of_call(f):
    return f()[3]


def keyed(d, a, b):
    return d[a + b]


def slice_of_none(x):
    return x[1:2]


def store(x):
    x["key"] = 1


def delete(d):
    del d["gone"]


def tuple_index(t):
    return t[1, 2]


run(nested, [[1, 2], [3]], 1, 1)
run(nested, {"a": {}}, "a", "b")
run(of_call, lambda: [1, 2])
run(keyed, {}, "x", "y")
run(slice_of_none, None)
run(store, (1, 2))
run(delete, {})
run(tuple_index, [1, 2, 3])
matrix = [[0] * 3 for _ in range(3)]
print(matrix[1][ 2 ])
print(matrix[  1  ][3])
