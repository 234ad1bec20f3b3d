def _add_defaults_optional(self):
    optional = ['test/test*.py', 'setup.cfg']
    for pattern in optional:
        files = filter(os.path.isfile, glob(pattern))
	self.filelist.extend(files)
