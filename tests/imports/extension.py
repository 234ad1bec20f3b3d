# A C extension module (here an empty .so, found before the .py next to it) raises ImportError.
try:
    import _fake_ext
except ImportError as e:
    print(type(e).__name__, e.name, e.path.rsplit("/", 1)[-1])
try:
    import heapq
    print(heapq.nlargest(2, [3, 1, 4, 1, 5]))
except ImportError as e:
    print("no heapq", e)
