# A compile-time SyntaxWarning shows the line linecache finds in the file
# named by the filename: none for made-up names, the named file's own line
# (not the compiled text) otherwise.
compile("x = 1 is 1", "<made-up>", "exec")
compile("y = 2 is 2", "syntax_warning_sources.py", "exec")
exec("z = 'a' is 'a'")
print("done")
