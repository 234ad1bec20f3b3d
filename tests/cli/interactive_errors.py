# Errors at the prompt: tracebacks name "<stdin>" with the statement's own
# line numbers, syntax errors are reported, and the session goes on.
