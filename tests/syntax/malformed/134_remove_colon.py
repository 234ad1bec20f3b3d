def first_element_handler(self, name, attributes)
    if self._filter is None and not self._elem_info:
        self._finish_end_element = id
    self.getParser().StartElementHandler = self.start_element_handler
    self.start_element_handler(name, attributes)
