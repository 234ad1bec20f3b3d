def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
    # accept a URL or a Request object
    if isinstance(fullurl, str):
        req = Request(fullurl, data)
    else:
        req = fullurl
        if data is not None:
            req.data = data

    req.timeout = timeout
    protocol = req.type

    # pre-process request
    meth_name = protocol+"_request"
    for processor in self.process_request.get(protocol, []):
        meth = getattr(processor, meth_name)
        req = 