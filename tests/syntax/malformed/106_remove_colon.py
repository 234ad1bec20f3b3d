class Sized(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C)
        if cls is Sized:
            return _check_methods(C, "__len__")
        return NotImplemented
