def __init__(self, *, record=False, module=None,
             action=None, category=Warning, lineno=0, append=False):
    """Specify whether to record warnings and if an alternative module
    should be used other than sys.modules['warnings'].

    For compatibility with Python 3.0, please consider all arguments to be
    keyword-only.

    """
    self._record = record
    self._module = sys.modules['warnings'] if module is None else module
    self._entered = False
    if action is None:
	self._filter = None
    else:
        self._filter = (action, category, lineno, append)
