# -E ignores PYTHONHASHSEED: hashes are randomized again.
import sys
print(sys.flags.hash_randomization)
