def character_data_handler(self, data):
    childNodes = self.curNode.childNodes
    if childNodes and childNodes[-]1.nodeType == TEXT_NODE:
        node = childNodes[-1]
        node.data = node.data + data
        return
    node = minidom.Text()
    node.data = node.data + data
    node.ownerDocument = self.document
    _append_child(self.curNode, node)
