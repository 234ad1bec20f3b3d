def getByteStream(self):
    