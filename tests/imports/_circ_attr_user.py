import _circ_attr
try:
    _circ_attr.LATER
except AttributeError as e:
    print(e)
