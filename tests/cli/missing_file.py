# A script that does not exist: "can't open file" with its absolute path, status 2.
