# A SystemExit at the prompt of `-i` with no program ends the process with its status.
