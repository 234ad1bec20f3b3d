# Errors inside f-strings: runtime errors in replacement fields (with the
# markers CPython 3.11 prints), format spec errors, and f-string SyntaxErrors.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def field_error(d):
    return f"value: {d['missing']}"


def spec_error(x):
    return f"{x:>{'w'}}"


def bad_format(x):
    return f"{x:d}"


def conversion(x):
    return f"{x!r} and {x.nope}"


def nested(items):
    return f"{', '.join(items)}"


run(field_error, {})
run(spec_error, 3)
run(bad_format, "s")
run(conversion, 1)
run(nested, [1, 2])

for src in ['f"{}"', 'f"{x!z}"', 'f"{x"', 'f"}"', 'f"{a b}"', 'f"{lambda x: 1}"', "f'{x:{y:{z}}}'", 'f"{!r}"']:
    try:
        compile(src, "<fstring>", "eval")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)

value = 42
print(f"{value:>{None}}")
