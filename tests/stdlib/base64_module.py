# base64: every codec of the module, round trips and errors.
import base64
import binascii

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), b"\xff\xfe\xfd" * 11]
for s in samples:
    print(base64.b64encode(s)[:60], base64.standard_b64encode(s) == base64.b64encode(s))
    print(base64.urlsafe_b64encode(s)[:60], base64.b64encode(s, altchars=b"-_")[:60])
    print(base64.b32encode(s)[:60], base64.b32hexencode(s)[:60])
    print(base64.b16encode(s)[:60], base64.b85encode(s)[:60], base64.b85encode(s, pad=True)[:60])
    print(base64.a85encode(s)[:60], base64.a85encode(s, adobe=True)[:60], base64.a85encode(s, foldspaces=True, wrapcol=10)[:60])
    for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                     (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                     (base64.b16encode, base64.b16decode), (base64.b85encode, base64.b85decode),
                     (base64.a85encode, base64.a85decode)]:
        assert dec(enc(s)) == s, (enc, s)
print(base64.encodebytes(bytes(range(100))))
print(base64.decodebytes(base64.encodebytes(bytes(range(100)))) == bytes(range(100)))
print(base64.b64decode("Zm9vYmFy"), base64.b64decode(b"Zm9v YmFy\n"), base64.b64decode(b"Zm9v-_8=", altchars=b"-_"))
print(base64.b32decode(b"mzxw6===", casefold=True), base64.b32decode(b"MZXW6YQ=", map01=b"L"))
print(base64.b16decode(b"666f6f", casefold=True), base64.a85decode(b"<~@:E_W~>", adobe=True))
print(base64.a85decode(b"y", foldspaces=True), base64.b85decode(b"VPa!s"))

import io
src = io.BytesIO(bytes(range(200)))
dst = io.BytesIO()
base64.encode(src, dst)
print(dst.getvalue())
dst.seek(0)
back = io.BytesIO()
base64.decode(dst, back)
print(back.getvalue() == bytes(range(200)))

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("validate", lambda: base64.b64decode(b"Zm9v!YmFy", validate=True))
attempt("nonvalidate", lambda: base64.b64decode(b"Zm9v!YmFy"))
attempt("padding", lambda: base64.b64decode(b"Zm9vYmF"))
attempt("b32 bad", lambda: base64.b32decode(b"MZXW6YQ"))
attempt("b32 char", lambda: base64.b32decode(b"MZXW6Y1="))
attempt("b16 lower", lambda: base64.b16decode(b"666f6f"))
attempt("b16 odd", lambda: base64.b16decode(b"666"))
attempt("b85 bad", lambda: base64.b85decode(b"VPa!\x00"))
attempt("a85 bad", lambda: base64.a85decode(b"z!z"))
attempt("encode str", lambda: base64.b64encode("abc"))
attempt("decode nonascii", lambda: base64.b64decode("\xe9"))
attempt("decode int", lambda: base64.b64decode(5))
print(isinstance(binascii.Error("x"), ValueError))
