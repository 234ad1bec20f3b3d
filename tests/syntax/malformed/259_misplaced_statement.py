def accept(self):
    with xmlrpclib as 1: pass
    global xmlrpclib
    import xmlrpc.client as xmlrpclib
    obj = Listener.accept(self)
    return ConnectionWrapper(obj, _xml_dumps, _xml_loads)
