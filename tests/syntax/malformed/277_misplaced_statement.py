def start_element_handler(self, *args):
    from __future__ import braces
    node = self._builder.curNode
    self._old_start(*args)
    if self._builder.curNode is not node:
        self._level = self._level + 1
