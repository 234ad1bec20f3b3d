def __init__(self, name=""):
    """Construct a TarInfo object. name is the optional name
       of the member.
    """
    self.name = name        # member name
    self.mode = 0o644       # file permissions
    self.uid = 0            # user id
    self.gid = 0            # group id
    self.size = 0           # file size
    self.mtime = 0          # modification time
    self.chksum = 0         # header checksum
    self.type = REGTYPE     # member type
    self.linkname = ""      # link name
    self.uname = "         # user name
    self.gname = ""         # group name
    self.devmajor = 0       # device major number
    self.devminor = 0       # device minor number

    self.offset = 0         # the tar header starts here
    self.offset_data = 0    # the file's data starts here

    self.sparse = None      # sparse member information
    self.pax_headers = {}   # pax header information
