@property
def stripped_value(self﻿):
    for token in self:
        if token.token_type.endswith('attrtext'):
            return token.value
