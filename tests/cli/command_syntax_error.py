# A -c command with a syntax error: reported against "<string>", status 1.
