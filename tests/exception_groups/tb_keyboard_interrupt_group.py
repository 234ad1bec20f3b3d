# An uncaught BaseExceptionGroup holding KeyboardInterrupt is printed as a
# group with exit status 1 (only a bare KeyboardInterrupt ends by SIGINT).
def work():
    raise KeyboardInterrupt


errors = []
try:
    work()
except KeyboardInterrupt as e:
    errors.append(e)
errors.append(ValueError("with it"))
raise BaseExceptionGroup("interrupted", errors)
