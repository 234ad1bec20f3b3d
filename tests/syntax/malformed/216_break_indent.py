def get_cnonce(self, nonce):
    # The cnonce-value is an opaque
    # quoted string value provided by the client and used by both client
    # and server to avoid chosen plaintext attacks, to provide mutual
    # authentication, and to provide some message integrity protection.
    # This isn't a fabulous effort, but it's probably Good Enough.
     s = "%s:%s:%s:" % (self.nonce_count, nonce, time.ctime())
    b = s.encode("ascii") + _randombytes(8)
    dig = hashlib.sha1(b).hexdigest()
    return dig[:16]
