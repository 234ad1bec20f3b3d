# Markers under a failing attribute access, with a suggestion.
class Config:
    def __init__(self):
        self.timeout = 30
        self.retries = 3


settings = Config()
print(settings.timeout + settings.retries)
print(settings.timeout + settings.retrys)
