# Start-up with imports: a few commonly imported pure-Python stdlib modules.
import os
import collections
import functools
import re
import json

print(os.sep, collections.OrderedDict.__name__, functools.reduce(lambda a, b: a + b, [1, 2, 3]), bool(re.match("a", "a")), json.dumps([1]))
