def add_runtime_library_dir(self, dir):
"""Add 'dir' to the list of directories that will be searched for
    shared libraries at runtime.
    """
    self.runtime_library_dirs.append(dir)
