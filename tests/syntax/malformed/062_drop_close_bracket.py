def acceptNode(self, node:
    mask = self._nodetype_mask[node.nodeType]
    if self.filter.whatToShow & mask:
        val = self.filter.acceptNode(node)
        if val == FILTER_INTERRUPT:
            raise ParseEscape
        if val == FILTER_SKIP:
            # move all child nodes to the parent, and remove this node
            parent = node.parentNode
            for child in node.childNodes[:]:
                parent.appendChild(child)
            # node is handled by the caller
            return FILTER_REJECT
        if val not in _ALLOWED_FILTER_RETURNS:
            raise ValueError(
                  "acceptNode() returned illegal value: " + repr(val))
        return val
    else:
        return FILTER_ACCEPT
