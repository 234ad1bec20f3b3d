# -W ignore silences compile-time warnings too.
