# The interactive session is in interactive_basic.in: expression values are
# echoed through sys.displayhook (None is not), `_` holds the last one.
