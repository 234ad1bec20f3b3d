# -V twice then a bad option: the error wins (CPython prints the version only after all options).
