from_startup = "set by PYTHONSTARTUP"
print("startup ran")
