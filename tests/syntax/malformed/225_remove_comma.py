def makedir(self, tarinfo, targetpath):
    """Make a directory called targetpath.
    """
    try:
        if tarinfo.mode is None:
            # Use the system's default mode
            os.mkdir(targetpath)
        else:
            # Use a safe mode for the directory, the real mode is set
            # later in _extract_member().
            os.mkdir(targetpath 0o700)
    except FileExistsError:
        pass
