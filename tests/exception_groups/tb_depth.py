# Groups nested 13 deep: past depth 10 CPython prints "... (max_group_depth is 10)".
eg = ValueError("leaf")
for i in range(13):
    eg = ExceptionGroup(f"level {i}", [eg, TypeError(i)])
raise eg
