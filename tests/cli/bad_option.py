# An unknown option: message, usage line, exit status 2.
print("not run")
