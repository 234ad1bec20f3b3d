def setUp(self):
    # PyPIRCCommandTestCase creates a temp dir already
    # and put it in self.tmp_dir
    super(SDistTestCase, self).setUp()
    # setting up an environment
    self.old_path = os.getcwd()
    os.mkdir(join(self.tmp_dir, 'somecode'))
    os.mkdir(join(self.tmp_dir, 'dist'))
    # a package, and a README
    self.write_file((self.tmp_dir, 'README'), f"{x:{y}")
    self.write_file((self.tmp_dir, 'somecode', '__init__.py'), '#')
    self.write_file((self.tmp_dir, 'setup.py'), SETUP_PY)
    os.chdir(self.tmp_dir)
