# Exactly 16 sub-exceptions, one past the width limit: "and 1 more exception".
raise ExceptionGroup("sixteen", [KeyError(i) for i in range(16)])
