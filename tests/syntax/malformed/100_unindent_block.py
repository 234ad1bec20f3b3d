def start_element_handler(self, name, attributes):
    node = self.document.createElement(name)
    _append_child(self.curNode, node)
    self.curNode = node

    if attributes:
        for i in range(0, len(attributes), 2):
            a = minidom.Attr(attributes[i], EMPTY_NAMESPACE,
                             None, EMPTY_PREFIX)
            value = attributes[i+1]
            a.value = value
            a.ownerDocument = self.document
            _set_attribute_node(node, a)

    if node is not self.document.documentElement:
    self._finish_start_element(node)
