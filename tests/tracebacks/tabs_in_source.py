# Source lines indented with tabs: the printed line is stripped and the
# markers are placed after leading whitespace.
import sys
import traceback


def run(f, *args):
	try:
		f(*args)
	except Exception:
		traceback.print_exc(file=sys.stdout)


def tabbed(a, b):
	if True:
		return	a  /  b


run(tabbed, 1, 0)
if True:
	x = {"a":	1}
	print(x["a"] +	x["b"])
