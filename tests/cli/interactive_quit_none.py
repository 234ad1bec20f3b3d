# quit() with no argument: status 0, nothing more runs.
