def parseFile(self, file):
    try:
        ExpatBuilder.parseFile(self, file)
     ParseEscape:
        pass
