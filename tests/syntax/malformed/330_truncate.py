def __init__(self, localaddr, remoteaddr,
             data_size_limit=DATA_SIZE_DEFAULT, map=None,
             enable_SMTPUTF8=False, decode_data=False):
    self._localaddr = localaddr
    self._remoteaddr = remoteaddr
    self.data_size_limit = data_size_limit
    self.enable_SMTPUTF8 = enable_SMTPUTF8
    self._decode_data = decode_data
    if enable_SMTPUTF8 and decode_data:
        raise ValueError("decode_data and enable_SMTPUTF8 cannot"
                         " be set to True at the same time")
    asyncore.dispatcher.__init__(self, map=map)
    try:
        gai_results = socket.getaddrinfo