def write_bytes(self, data):
    self.begin_element("data")
    self._indent_level -= 1
    maxlinelength = max(
        16,
        76 - len(self.indent.replace(b"\t", b" " * 8) * self._indent_level))

    for line in _encode_base64(data, maxlinelength).split(b"\n"):
        if line:
	    self.writeln(line)
    self._indent_level += 1
    self.end_element("data")
