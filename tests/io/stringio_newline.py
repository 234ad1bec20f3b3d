# StringIO newline modes: translation on write, line splitting on read, newlines.
from _io import StringIO

text = "a\nb\r\nc\rd"
for nl in ["\n", None, "", "\r", "\r\n"]:
    s = StringIO(newline=nl)
    s.write(text)
    print(repr(nl), repr(s.getvalue()), s.newlines)
    s.seek(0)
    print(repr(nl), s.readlines())
    s2 = StringIO(text, newline=nl)
    print(repr(nl), repr(s2.getvalue()), list(s2), s2.newlines)
s = StringIO(newline=None)
s.write("x\r")
s.write("\ny")
print(repr(s.getvalue()), s.newlines)
