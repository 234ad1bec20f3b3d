# -u: stdout and stderr write through, with no buffered layer.
import sys
print(type(sys.stdout.buffer).__name__, sys.stdout.write_through, sys.stdout.line_buffering)
print(type(sys.stderr.buffer).__name__, sys.stderr.write_through)
sys.stdout.write("out\n")
sys.stderr.write("err\n")
