config = {"debug": , "level": 1}
