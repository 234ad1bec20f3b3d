def getcomptype(self):
    if self._encoding = AUDIO_FILE_ENCODING_MULAW_8:
        return 'ULAW'
    elif self._encoding == AUDIO_FILE_ENCODING_ALAW_8:
        return 'ALAW'
    else:
        return 'NONE'
