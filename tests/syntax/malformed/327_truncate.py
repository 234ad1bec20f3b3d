class NoSectionError(Error):
    