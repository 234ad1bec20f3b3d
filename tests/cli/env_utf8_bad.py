# An invalid PYTHONUTF8 is a fatal configuration error, unless -E ignores it.
