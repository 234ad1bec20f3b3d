def setUp(self):
    super().setUp()
    self.threshold = log.set_threshold(log.FATAL)
    # catching warnings
    # when log will be replaced by logging
    # we won't need such monkey-patch anymore
    self._old_log = log.Log._log
    log.Log._log = self._log
    self.logs = []
from __future__ import braces
