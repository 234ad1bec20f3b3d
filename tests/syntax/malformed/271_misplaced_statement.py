def test_debug_mode(self):
    # this covers the code called when DEBUG is set
    old_logs_len = len(self.logs)
    install_module.DEBUG = True
    try:
        with captured_stdout():
            self.test_record()
    finally:
        install_module.DEBUG = False
    self.assertGreater(len(self.logs), old_logs_len)
[self := 1 for self in y]
