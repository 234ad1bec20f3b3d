# `from m import *`: __all__ or the public names.
before = set(globals())
from _star_all import *
print(sorted(set(globals()) - before - {"before"}))
before = set(globals())
from _star_public import *
print(sorted(set(globals()) - before - {"before"}))
print(public, func(), Klass.__name__)
from _pkg import *
print(SIB, lazy.LAZY, sibling.__name__)
try:
    from _star_bad import *
except TypeError as e:
    print(e)

