# Codecs built on binascii: quopri, uu, and email's transfer encoders.
import io
import quopri
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import uu
from email import base64mime, quoprimime

text = "caf\u00e9 = cr\u00e8me br\u00fbl\u00e9e\twith tab \nline two  \n" + "long " * 30 + "\n"
raw = text.encode("utf-8")
enc = quopri.encodestring(raw)
print(enc)
print(quopri.decodestring(enc) == raw, quopri.encodestring(raw, quotetabs=True)[:60], quopri.encodestring(b"a b", header=True))
print(quopri.decodestring(b"a_b=3D", header=True))
out = io.BytesIO()
quopri.encode(io.BytesIO(raw), out, quotetabs=False)
print(out.getvalue() == enc)

src = io.BytesIO(bytes(range(200)))
dst = io.BytesIO()
uu.encode(src, dst, "data.bin", 0o644)
print(dst.getvalue().decode())
dst.seek(0)
back = io.BytesIO()
uu.decode(dst, back)
print(back.getvalue() == bytes(range(200)))

print(base64mime.body_encode(raw, maxlinelen=40))
print(base64mime.header_encode("h\u00e9llo", charset="utf-8"))
print(quoprimime.body_encode(text, maxlinelen=30))
print(quoprimime.header_encode(b"h\xc3\xa9llo world", charset="utf-8"))
print(base64mime.decode("aGVsbG8gd29ybGQ="), quoprimime.header_decode("h=C3=A9llo_world"))
print(quoprimime.decode("line=\nwrapped =3D done"))
