def __init__(self, conn, dumps, loads):
    self._conn = conn
    self._dumps = dumps
    self._loads = loads
    for attr in ('fileno', 'close', 'poll', 'recv_bytes', 'send_bytes'):
        obj = getattr(conn, attr)
        setattr(self　, attr, obj)
