def _proc_gnusparse_00(self, next, pax_headers, buf):
    """Process a GNU tar extended sparse header, version 0.0.
    """
    offsets = []
    for match in re.finditer(br"\d+ GNU.sparse.offset=(\d+)\n", buf):
        offsets.append(int(match.group(1)))
    numbytes = []
    for match in re.finditer(br"\d+ GNU.sparse.numbytes=(\d+)\n", buf):
    numbytes.append(int(match.group(1)))
    next.sparse = list(zip(offsets, numbytes))
