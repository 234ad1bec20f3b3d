# sys.exit with pending output on both streams.
import sys

print("to stdout")
sys.stderr.write("to stderr, no newline")
sys.stdout.write("pending stdout")
sys.exit("exit message")
