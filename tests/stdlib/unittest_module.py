# unittest on pyrite: a small suite with passing, failing, erroring and
# skipped tests, an expected failure, subTests; the report goes to stderr.
import unittest

class Arith(unittest.TestCase):
    def setUp(self):
        self.values = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_fails(self):
        self.assertEqual(sum(self.values), 7, "sum is off")

    def test_errors(self):
        table = {}
        raise LookupError("missing key: %r" % (table,))

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_containers(self):
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertIn(2, self.values)
        self.assertListEqual([1, 2, 3], [1, 2, 4])

class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")

    def test_multiline(self):
        self.assertEqual("one\ntwo\nthree\n", "one\nTWO\nthree\n")

if __name__ == "__main__":
    suite = unittest.TestLoader().loadTestsFromTestCase(Arith)
    suite.addTests(unittest.TestLoader().loadTestsFromTestCase(Strings))
    # The report as unittest writes it, with its timing made fixed.
    import io, re, sys
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=2)
    result = runner.run(suite)
    sys.stderr.write(re.sub(r"in \d+\.\d+s", "in <time>", stream.getvalue()))
    print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),
          "skipped", len(result.skipped), "expected", len(result.expectedFailures), result.wasSuccessful())
    stream = io.StringIO()
    unittest.main(argv=["prog", "Strings.test_upper"], exit=False,
                  testRunner=unittest.TextTestRunner(stream=stream))
    sys.stderr.write(re.sub(r"in \d+\.\d+s", "in <time>", stream.getvalue()))
    unittest.main(argv=["prog", "Arith.test_fails"], testRunner=unittest.TextTestRunner(stream=stream))
