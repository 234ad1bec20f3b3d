def run(self, cmd, globals=None, locals=None):
    """Debug a statement executed via the exec() function.

    globals defaults to __main__.dict; locals defaults to globals.
    """
    if globals is None:
        import __main__
        globals = __main__.__dict__
    if locals is None:
        locals = globals
    self.reset()
    if isinstance(cmd, str):
    cmd = compile(cmd, "<string>", "exec")
    sys.settrace(self.trace_dispatch)
    try:
        exec(cmd, globals, locals)
    except BdbQuit:
        pass
    finally:
        self.quitting = True
        sys.settrace(None)
