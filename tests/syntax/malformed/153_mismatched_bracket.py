def __init__(self, context, options=None}:
    if context.nodeType == DOCUMENT_NODE:
        self.originalDocument = context
        self.context = context
    else:
        self.originalDocument = context.ownerDocument
        self.context = context
    ExpatBuilder.__init__(self, options)
