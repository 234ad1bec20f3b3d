# A BaseExceptionGroup holding KeyboardInterrupt and SystemExit: printed as a
# group (not treated as exit), exit status 1.
raise BaseExceptionGroup("base", [KeyboardInterrupt(), SystemExit(3), ValueError("v")])
