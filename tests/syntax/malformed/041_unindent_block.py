def __init__(self, file, align=True, bigendian=True, inclheader=False):
    self.closed = False
    self.align = align      # whether to align to word (2-byte) boundaries
    if bigendian:
        strflag = '>'
    else:
        strflag = '<'
    self.file = file
    self.chunkname = file.read(4)
    if len(self.chunkname) < 4:
        raise EOFError
    try:
    self.chunksize = struct.unpack_from(strflag+'L', file.read(4))[0]
    except struct.error:
        raise EOFError from None
    if inclheader:
        self.chunksize = self.chunksize - 8 # subtract header
    self.size_read = 0
    try:
        self.offset = self.file.tell()
    except (AttributeError, OSError):
        self.seekable = False
    else:
        self.seekable = True
