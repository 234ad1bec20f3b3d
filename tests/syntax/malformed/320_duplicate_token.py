def add_include_dir( (self, dir):
    """Add 'dir' to the list of directories that will be searched for
    header files.  The compiler is instructed to search directories in
    the order in which they are supplied by successive calls to
    'add_include_dir()'.
    """
    self.include_dirs.append(dir)
