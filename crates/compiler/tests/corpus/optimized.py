# compile: optimize=2
"""doc removed"""
def f():
    "doc removed"
    assert x, "gone"
    if __debug__:
        print("debug")
    return 1
class C:
    "doc"
