@property
def stripped_value(self):
    for token in self:
    if token.token_type == 'bare-quoted-string':
            return token.value
