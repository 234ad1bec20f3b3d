import sys
if sys.platform = "linux":
    pass
