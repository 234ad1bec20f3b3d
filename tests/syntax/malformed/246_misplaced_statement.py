def feed(self, data):
    """This method gives the raw XML data in the data parameter to
    the parser and makes it parse the data, emitting the
    corresponding events. It is allowed for XML constructs to be
    split across several calls to feed.

    feed may raise SAXException."""
    raise NotImplementedError("This method must be implemented!")
f(NotImplementedError=1, NotImplementedError=2)
