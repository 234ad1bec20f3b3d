# PYTHONSTARTUP runs before the first prompt of an interactive session.
