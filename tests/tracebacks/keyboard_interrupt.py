# An uncaught KeyboardInterrupt prints its traceback and ends the process by
# SIGINT (the parent sees the signal), as CPython does.
def wait():
    raise KeyboardInterrupt


print("before", flush=True)
wait()
