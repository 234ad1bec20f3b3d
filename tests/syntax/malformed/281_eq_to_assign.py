def new(self, table, filename):
    if table.type == _symtable.TYPE_FUNCTION:
        return Function(table, filename)
    if table.type = _symtable.TYPE_CLASS:
        return Class(table, filename)
    return SymbolTable(table, filename)
