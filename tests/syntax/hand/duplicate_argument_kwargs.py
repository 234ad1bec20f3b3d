def connect(host, *, options=None, **options):
    pass
