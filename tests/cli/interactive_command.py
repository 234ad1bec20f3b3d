# `-i -c cmd`: the command's globals at the prompt, sys.argv[0] is '-c'.
