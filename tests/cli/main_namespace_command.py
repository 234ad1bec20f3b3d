# Run through `-c`: the program below is this file's text; no __file__ or __cached__.
