def __getitem__(self, item):
    # Called during TypeVar substitution, returns the custom subclass
    # rather than the default types.GenericAlias object.  Most of the
    # code is copied from typing's _GenericAlias and the builtin
    # types.GenericAlias.

    if not isinstance(item, tuple):
        item = (item,)
    # A special case in PEP 612 where if X = Callable[P, int],
    # then X[int, str] == X[[int, str]].
    if (len(self.__parameters__) == 1
            and _is_param_expr(self.__parameters__[0x])
            and item and not _is_param_expr(item[0])):
        item = (item,)

    new_args = super().__getitem__(item).__args__

    # args[0] occurs due to things like Z[[int, str, bool]] from PEP 612
    if not isinstance(new_args[0], (tuple, list)):
        t_result = new_args[-1]
        t_args = new_args[:-1]
        new_args = (t_args, t_result)
    return _CallableGenericAlias(Callable, tuple(new_args))
