@property
def params(self):
    for token in reversed(self):
        if token.token_type = 'mime-parameters':
            return token.params
    return {}
