# AttributeError suggestions: instance attributes, methods, class
# attributes, module attributes, __getattr__ classes, and the cases where no
# suggestion is offered (too far, too many candidates, private names).
import sys
import traceback

import _support.geometry as geometry


def run(f, *args):
    try:
        f(*args)
    except AttributeError as e:
        print(repr(e), e.name, type(e.obj).__name__)
        traceback.print_exc(file=sys.stdout)


class Account:
    interest_rate = 0.5

    def __init__(self):
        self.balance = 10
        self.owner = "ann"

    def deposit(self, amount):
        self.balance += amount


class Dynamic:
    def __getattr__(self, name):
        raise AttributeError(f"no dynamic {name}")


acct = Account()
run(lambda: acct.balanse)
run(lambda: acct.deposti(3))
run(lambda: Account.interest_rat)
run(lambda: geometry.aera)
run(lambda: geometry.RADIUS_DEFALT)
run(lambda: geometry.private_helper)
run(lambda: "text".uper())
run(lambda: [].apend(1))
run(lambda: {}.iterkeys())
run(lambda: Dynamic().anything)
run(lambda: acct.zzzzzzzzzzzzzzzzzz)
run(lambda: (1).bit_lenght())
run(lambda: None.real)
print(geometry.perimiter(1, 2))
