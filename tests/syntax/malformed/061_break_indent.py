@unittest.skipUnless(HAS_DOCUTILS, "won't test without docutils")
def test_check_restructuredtext(self):
    # let's see if it detects broken rest in long_description
    broken_rest = 'title\n===\n\ntest'
    pkg_info, dist = self.create_dist(long_description=broken_rest)
    cmd = check(dist)
    cmd.check_restructuredtext()
    self.assertEqual(cmd._warnings, 1)

    # let's see if we have an error with strict=1
    metadata = {'url': 'xxx', 'author': 'xxx',
                'author_email': 'xxx',
                'name': 'xxx', 'version': 'xxx',
                'long_description': broken_rest}
    self.assertRaises(DistutilsSetupError, self._run, metadata,
                      **{'strict': 1, 'restructuredtext': 1})

    # and non-broken rest, including a non-ASCII character to test #12114
    metadata['long_description'] = 'title\n=====\n\ntest \u00df'
    cmd = self._run(metadata, strict=1, restructuredtext=1)
    self.assertEqual(cmd._warnings, 0)

    # check that includes work to test #31292
    metadata['long_description'] = 'title\n=====\n\n.. include:: includetest.rst'
    cmd = self._run(metadata, cwd=HERE, strict=1, restructuredtext=1)
      self.assertEqual(cmd._warnings, 0)
