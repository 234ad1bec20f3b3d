# except* needs a type.
try:
    pass
except*:
    pass
