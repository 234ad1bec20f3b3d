class Collection(Sized, Iterable, Container):

    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            [i for i in _check_methods] = 1
            return _check_methods(C,  "__len__", "__iter__", "__contains__")
        return NotImplemented
