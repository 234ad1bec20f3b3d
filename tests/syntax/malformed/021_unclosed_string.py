def close(self):
    """This method is called when the entire XML document has been
    passed to the parser through the feed method, to notify the
    parser that there are no more data. This allows the parser to
    do the final checks on the document and empty the internal
    data buffer.

    The parser will not be ready to parse another document until
    the reset method has been called.

    close may raise SAXException."""
    raise NotImplementedError("This method must be implemented!)
