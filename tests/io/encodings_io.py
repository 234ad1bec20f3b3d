# Text files in several encodings and error handlers.
from _iohelp import remove

path = "_tmp_encodings_io.txt"
text = "naïve café – 日本 😀\n"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "iso-8859-1", "ascii", "us-ascii"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
        try:
            with open(path, "w", encoding=enc, errors=errors) as f:
                print(enc, errors, f.encoding, f.errors, f.write(text))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e)
            continue
        with open(path, "rb") as f:
            print(f.read())
for data in [b"plain\n", b"caf\xc3\xa9\n", b"bad \xff byte\n", b"cut \xe6\x97", b"\xed\xa0\x80 surrogate\n", b"\xf0\x9f\x98\x80\n"]:
    with open(path, "wb") as f:
        f.write(data)
    for enc in ["utf-8", "latin-1", "ascii"]:
        for errors in ["strict", "replace", "surrogateescape", "ignore", "backslashreplace"]:
            try:
                with open(path, encoding=enc, errors=errors) as f:
                    print(enc, errors, ascii(f.read()))
            except UnicodeDecodeError as e:
                print(enc, errors, "UnicodeDecodeError", e)
with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write("\udcff\udc80ok\n")
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path, "w", encoding="utf-8") as f:
        f.write("lone \ud800 surrogate")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    with open(path, "w", encoding="utf-8") as f:
        f.write("two \ud800\udfff")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
    f.write("\ud800")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-8", errors="surrogatepass") as f:
    print(ascii(f.read()))
try:
    open(path, "w", encoding="utf-8", errors="no-such-handler").write("é\udc00")
except LookupError as e:
    print("LookupError", e)
# a multi-byte character split across read chunks
with open(path, "w", encoding="utf-8") as f:
    f.write("a" * 8191 + "é" + "b" * 10 + "日" * 3000)
with open(path, encoding="utf-8") as f:
    s = f.read(8192)
    print(len(s), s[-1], f.tell())
    print(len(f.read()))
with open(path, encoding="utf-8") as f:
    n = 0
    while True:
        c = f.read(1000)
        if not c:
            break
        n += len(c)
    print(n)
remove(path)
