@unittest.skipUnless(ZLIB_SUPPORT, 'Need zlib support to run')
@unittest.skipIf(find_executable('tar') is None,
                 "The tar command is not found")
@unittest.skipIf(find_executable('gzip') is 