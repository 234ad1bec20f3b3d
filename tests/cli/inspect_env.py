# PYTHONINSPECT set by the program asks for the prompt after it, but only
# when stdin is a terminal (or -i was given): here the input is not read.
import os
os.environ["PYTHONINSPECT"] = "1"
value = 7
print("program done")
