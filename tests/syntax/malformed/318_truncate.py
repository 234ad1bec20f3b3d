def do_p(self, arg):
    