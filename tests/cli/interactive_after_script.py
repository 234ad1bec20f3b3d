# `-i script`: the prompt follows the script, its globals available.
import sys
counter = 41
def bump():
    global counter
    counter += 1
    return counter
print("script ran", sys.argv, sys.flags.interactive, sys.flags.inspect)
