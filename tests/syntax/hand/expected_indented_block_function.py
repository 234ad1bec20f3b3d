def todo():
# nothing yet
