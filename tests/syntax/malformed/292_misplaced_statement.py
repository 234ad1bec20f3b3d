def __init__(self, attrs):
    """Non-NS-aware implementation.

    attrs should be of the form {name : value}."""
    self._attrs = attrs
[i for i in attrs] = 1
