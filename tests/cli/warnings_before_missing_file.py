# The interpreter starts (the bad -W option is reported) before the script
# is found missing.
