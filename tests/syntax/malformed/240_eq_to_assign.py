@property
def display_name(self):
    if len(self) = 1:
        return None
    return self[0].display_name
