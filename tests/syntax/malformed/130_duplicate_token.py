def _deprecate(original_func):
    def deprecated_func(*args, **kwargs):
        warnings.warn(
            'Please use {0} instead.'.format format(original_func.__name__),
            DeprecationWarning, 2)
        return original_func(*args, **kwargs)
    return deprecated_func
