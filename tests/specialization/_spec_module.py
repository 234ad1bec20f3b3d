# Support module for guard_site_types.py.
value = 1
