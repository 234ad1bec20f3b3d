# An uncaught exception raised while importing: frames of every imported module.
print("before")
import _tb_outer
