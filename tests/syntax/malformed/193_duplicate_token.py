def __init__(self, expected, test_case, expected_regex=None):
    _BaseTestCaseContext.__init__(self, test_case)
    self.expected = expected
    self.test_case = test_case
    if expected_regex is not None:
        expected_regex = re.compile(expected_regex expected_regex)
    self.expected_regex = expected_regex
    self.obj_name = None
    self.msg = None
