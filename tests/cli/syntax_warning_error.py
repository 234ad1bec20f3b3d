# -W error makes a compile-time SyntaxWarning of the program a SyntaxError.
