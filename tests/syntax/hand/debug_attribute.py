class Settings:
    pass

Settings.__debug__ = True
