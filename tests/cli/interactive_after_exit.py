# `-i`: SystemExit from the script does not end the process; it is printed
# as a traceback, then the prompt; exit() at the prompt ends it.
import sys
value = "kept"
sys.exit(3)
