# exit and quit at the prompt: their repr, then exit() ends the session
# with its status.
