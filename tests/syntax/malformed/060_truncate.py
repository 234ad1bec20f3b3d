def getcomptype(self):
    if self.buf.startswith(b"\x1f\x8b\x08"):
        return "gz"
    elif self.buf[0:3] == b"BZh" and self.buf[4:10] == b"1AY&SY":
        return "bz2"
    elif self.buf.startswith((b"\x5d\x00\x00\x80"