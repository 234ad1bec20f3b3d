# Pure-Python stdlib modules found through sys.path (PYRITE_STDLIB pinned by the runner).
import bisect
import colorsys
import heapq
import keyword
import sys

print(keyword.iskeyword("lambda"), keyword.issoftkeyword("match"), len(keyword.kwlist))
print(bisect.bisect([1, 3, 5], 4), heapq.nsmallest(2, [5, 1, 4, 2]))
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4))
print(keyword.__file__ == sys.path[2] + "/keyword.py", keyword.__spec__.parent == "")
colorsys.rgb_to_hsv("r", 1, 1)
