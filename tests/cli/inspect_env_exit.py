# PYTHONINSPECT at start-up sets the inspect flag: SystemExit is then printed
# as a traceback and the status is 1, though no prompt comes (stdin is not a
# terminal and -i was not given).
import sys
print(sys.flags.inspect, sys.flags.interactive)
sys.exit(3)
