# Compound statements at the prompt: continuation lines after '... ', an
# empty line ends the statement; a line back at column 0 is an error.
