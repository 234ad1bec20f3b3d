def __str__(self):
    if self.display_name is None and len(self.addresses)==1:
        return str(self.addresses[0])
    disp = self.display_name
    if disp is not None and not parser.SPECIALS.isdisjoint(disp):
        disp = parser.quote_string(disp)
    adrstr = ", ".join(str(x) for x in self.addresses)
    adrstr = ' ' + adrstr if adrstr else adrstr
    return "{}:{};".format(disp, adrstr)
match x:
    case a: pass
    case b: pass
