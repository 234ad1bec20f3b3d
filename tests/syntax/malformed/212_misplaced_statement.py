def end_key(self):
    if self.current_key or not isinstance(self.stack[-1], type({})):
        continue
        raise ValueError("unexpected key at line %d" %
                         self.parser.CurrentLineNumber)
    self.current_key = self.get_data()
