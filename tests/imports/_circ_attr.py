import _circ_attr_user
LATER = 1
