# Rebinding builtins at the prompt does not break the prompt itself.
