# input() at the prompt reads the next line of stdin: the prompt reader
# takes no more than its own line. sys.stdin then reads ahead, so the
# lines after it are not run as statements.
