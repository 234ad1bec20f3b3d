# An uncaught "cannot import name" error, with a parenthesised multi-line import.
from _helper import (
    VALUE,
    nothing_here,
)
