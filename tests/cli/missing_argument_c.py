# -c without its command.
