import argparse
import sys

parser = argparse.ArgumentParser(prog="tool", description="Process some files.", epilog="That's all.")
parser.add_argument("files", nargs="+", help="input files")
parser.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
parser.add_argument("--flag", action="store_true")
parser.add_argument("--no-color", dest="color", action="store_false")
parser.add_argument("--tag", action="append", default=[])
parser.add_argument("--pair", nargs=2, metavar=("A", "B"))
group = parser.add_mutually_exclusive_group()
group.add_argument("--json", action="store_true")
group.add_argument("--xml", action="store_true")

ns = parser.parse_args(["a.txt", "b.txt", "-n", "5", "-vv", "--tag", "x", "--tag=y", "--pair", "1", "2", "--json"])
print(sorted(vars(ns).items()))
print(parser.format_usage(), end="")
print(parser.format_help(), end="")

ns, rest = parser.parse_known_args(["f", "--unknown", "9", "--mode", "slow"])
print(ns.mode, rest)

sub = argparse.ArgumentParser(prog="git")
subs = sub.add_subparsers(dest="command", required=True)
c = subs.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
p = subs.add_parser("push")
p.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "hi"]))
print(sub.parse_args(["push"]))


class Quiet(argparse.ArgumentParser):
    def error(self, message):
        print("error:", message)
        raise SystemExit(2)

    def exit(self, status=0, message=None):
        print("exit", status, message)
        raise SystemExit(status)


q = Quiet(prog="q")
q.add_argument("n", type=int)
q.add_argument("--level", choices=[1, 2, 3], type=int)
for argv in (["x"], [], ["1", "--level", "7"], ["1", "--bogus"], ["1", "--level"]):
    try:
        print(q.parse_args(argv))
    except SystemExit as e:
        print("SystemExit", e.code)

# Errors from a normal parser go to stderr with the usage line, exit code 2.
try:
    parser.parse_args(["--count", "many", "f"])
except SystemExit as e:
    print("exit code", e.code)
try:
    parser.parse_args(["f", "--json", "--xml"])
except SystemExit as e:
    print("exit code", e.code)


def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{s} is not positive")
    return v


t = argparse.ArgumentParser(prog="t", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
t.add_argument("--size", type=positive, default=10, help="size")
t.add_argument("--ratio", type=float, default=0.5, help="ratio")
print(t.format_help(), end="")
try:
    t.parse_args(["--size", "-3"])
except SystemExit as e:
    print("exit code", e.code)
print(t.parse_args(["--size=4", "--ratio", "1e-3"]))
ns = argparse.Namespace(a=1)
print(ns, "a" in ns, ns == argparse.Namespace(a=1))
parser.parse_args(["-h"])
