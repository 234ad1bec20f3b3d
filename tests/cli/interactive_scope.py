# Statements at the prompt share __main__: functions, classes, globals,
# imports, del, and generators across statements.
