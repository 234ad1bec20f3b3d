# -W options: sys.warnoptions in order, the filters the warnings module
# makes of them, and their effect.
import sys, warnings
print(sys.warnoptions)
for f in warnings.filters[:2]:
    print(f[0], f[2].__name__, f[1], f[3], f[4])
warnings.warn("ignored", DeprecationWarning)
try:
    warnings.warn("boom", UserWarning)
except UserWarning as e:
    print("raised", e)
