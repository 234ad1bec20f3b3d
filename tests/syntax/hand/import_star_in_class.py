class Helpers:
    from math import *
