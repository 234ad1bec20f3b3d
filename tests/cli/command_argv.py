# Placeholder: this case runs a -c command (see command_argv.cli).
