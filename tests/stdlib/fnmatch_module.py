import fnmatch

names = ["a.py", "b.PY", "test_x.py", "data.txt", "[x].py", "readme"]
for pat in ["*.py", "*.[pP][yY]", "test_*", "?.py", "[!a]*", "[[]x].py", "*"]:
    print(pat, fnmatch.filter(names, pat), fnmatch.fnmatch("a.py", pat), fnmatch.fnmatchcase("b.PY", pat))
print(fnmatch.translate("*.py"), fnmatch.translate("[!a-c]?"))
