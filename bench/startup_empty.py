# Start-up: an empty program (what `-c pass` measures).
pass
