# Run through `-m main_namespace`: runpy fills the same namespace.
