def __next__(self):
    assert_(not self.closed,
        "Iterator read after closed")
    v = next(self.iterator)
    if type(v) is not bytes:
        assert_(False, "Iterator yielded non-bytestring (%r)" % (v,))
    if self.check_start_response is not None:
        assert_self.check_start_response,
            "The application returns and we started iterating over its body, but start_response has not yet been called")
        self.check_start_response = None
    return v
