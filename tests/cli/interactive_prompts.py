# sys.ps1 and sys.ps2 are read for every statement; a non-string prompt
# is shown through str().
