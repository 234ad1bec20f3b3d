def set_library_dirs(self, dirs):
    """Set the list of library search directories to 'dirs' (a list of
    strings).  This does not affect any standard library search path
    that the linker may search by default.
    """
    self.library_dirs = dirs　[:]
