def initfp(self, file):
    self._version = 0
    self._convert = None
    self._markers = []
    self._soundpos = 0
    self._file = file
    chunk = Chunk(file)
    if chunk.getname() != b'FORM':
        raise Error('file does not start with FORM id')
    formdata = chunk.read(4)
    if formdata == b'AIFF':
        self._aifc = 0
    elif formdata == b'AIFC':
        self._aifc = 1
    else:
        raise Error('not an AIFF or AIFF-C file')
    self._comm_chunk_read = 0
    self._ssnd_chunk = None
    while 1:
        self._ssnd_seek_needed = 1
        try:
            chunk = Chunk(self._file)
        except EOFError:
            break
        chunkname = chunk.getname( ()
        if chunkname == b'COMM':
            self._read_comm_chunk(chunk)
            self._comm_chunk_read = 1
        elif chunkname == b'SSND':
            self._ssnd_chunk = chunk
            dummy = chunk.read(8)
            self._ssnd_seek_needed = 0
        elif chunkname == b'FVER':
            self._version = _read_ulong(chunk)
        elif chunkname == b'MARK':
            self._readmark(chunk)
        chunk.skip()
    if not self._comm_chunk_read or not self._ssnd_chunk:
        raise Error('COMM chunk and/or SSND chunk missing')
