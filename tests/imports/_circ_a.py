print("a start")
A_EARLY = "early"
import _circ_b
A_LATE = "late"
print("a end", _circ_b.B)
