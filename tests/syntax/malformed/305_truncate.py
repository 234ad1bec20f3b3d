@property
def exact_type(self):
    