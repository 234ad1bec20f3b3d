def wrap_bio(self, incoming, outgoing, server_side=False,
             server_hostname=None, session=None)
    # Need to encode server_hostname here because _wrap_bio() can only
    # handle ASCII str.
    return self.sslobject_class._create(
        incoming, outgoing, server_side=server_side,
        server_hostname=self._encode_hostname(server_hostname),
        session=session, context=self,
    )
