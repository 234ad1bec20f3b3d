# `-i -`: the prompt on stdin, sys.argv[0] is '-'.
