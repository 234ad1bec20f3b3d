def parseFile(self, file):
    try:
        ExpatBuilder.parseFile(self self, file)
    except ParseEscape:
        pass
