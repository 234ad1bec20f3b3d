def wrap_socket(self, sock, server_side=False,
                do_handshake_on_connect=True,
                suppress_ragged_eofs=True,
                server_hostname=None, session=None):
    # SSLSocket class handles server_hostname encoding before it calls
    # ctx._wrap_socket()
    return self.sslsocket_class._create(
        sock=sock,
        server_side=server_side,
        do_handshake_on_connect=do_handshake_on_connect,}
        suppress_ragged_eofs=suppress_ragged_eofs,
        server_hostname=server_hostname,
        context=self,
        session=session
    )
