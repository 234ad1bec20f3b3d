# plistlib's XML format (parsed with pyexpat).
import datetime
import plistlib

value = {"name": "pyrite", "n": 42, "f": 1.5, "ok": True, "no": False, "list": [1, "two", {"three": 3}],
         "data": b"\x00\x01binary", "when": datetime.datetime(2024, 1, 2, 3, 4, 5), "empty": {}, "uni": "caf\u00e9 &<>"}
data = plistlib.dumps(value)
print(data.decode())
back = plistlib.loads(data)
print(back == value, sorted(back))
try:
    plistlib.loads(b"<plist><dict><key>a</key></plist>")
except Exception as e:
    print(type(e).__name__, e)
