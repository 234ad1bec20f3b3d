# `-i`: an uncaught exception in the script is printed, then the prompt
# comes; the exit status is the session's (0 at end of input).
data = {"a": 1}
def lookup(key):
    return data[key]
print("before")
lookup("b")
