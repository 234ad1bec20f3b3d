import json, _json
print(json.scanner.make_scanner is _json.make_scanner)
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"], "b": {}}'))
print(json.dumps({"a": [1, 2.5, float("1e300"), True, None, "é\u2028\U0001f600\x7f\x00"], 3: 4, None: 1, 1.5: 2}))
print(json.dumps({"a": "é\U0001f600"}, ensure_ascii=False))
for bad in ['', '[', '[1,', '{"a" 1}', '{"a": 1,}', '{1: 2}', '"abc', '"a\\x"', '"\\u12"', '"\\u12zz"', '"a\nb"', '[1 2]', 'nul', '-', '-x', '01', '1.', '[1,]', '{"a":1} x', '  ', '"\\ud800\\u12"']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(bad.encode(), type(e).__name__, e, e.pos, e.lineno, e.colno)
print(json.loads('"\\ud800"'), json.loads('1e5'), json.loads('12345678901234567890123'), json.loads('-0'), json.loads('-0.0'))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('"a\tb"', strict=False))
try: json.dumps([float('nan')], allow_nan=False)
except ValueError as e: print(e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
try: json.dumps({(1,2): 3})
except TypeError as e: print(e)
print(json.dumps({(1,2): 3, "b": 1}, skipkeys=True))
try: json.dumps(object())
except TypeError as e: print(e)
print(json.dumps({"b": 1, "a": [2, {"d": 1, "c": 2}]}, sort_keys=True, separators=(',', ':')))
print(json.dumps(set([1]), default=list))
print(_json.scanstring('"abc\\n" x', 1), _json.encode_basestring_ascii('a"\u1234'), _json.encode_basestring('a"\u1234\n'))
print(json.loads(json.dumps("\ud800")) == "\ud800", json.dumps("\ud800", ensure_ascii=False) == '"\ud800"')

# Scanner and encoder objects used directly.
dec = json.JSONDecoder()
print(type(dec.scan_once).__name__, dec.scan_once.strict, dec.scan_once.parse_float is float)
print(dec.scan_once('  [1, {"k": "v"}]', 2))
try:
    dec.scan_once('[1]', 5)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    dec.scan_once(b'[1]', 0)
except TypeError as e:
    print(e)
try:
    dec.scan_once('[1]', -1)
except ValueError as e:
    print(e)
print(dec.raw_decode('{"a": 1} tail'))
print(json.loads('\n\n  {"x":\n  [1, 2 3]}'.replace('2 3', '2, 3')))
for bad in ['\n\n  {"x":\n  [1, 2 3]}', '{"a": 1, "b"}', '[1, 2, "abc\x01"]', '{"\\q": 1}', '{"a": [}', '\u00e9[1,', '"\U0001f600\\u0zzz"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos, e.lineno, e.colno)
print(json.loads('["\u00e9\u1234\U0001f600", {"\u1234": "\u00e9"}]'))
keys = json.loads('[{"same": 1}, {"same": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])
print(json.loads('123.456e-2'), json.loads('1E+2'), json.loads('-12.5E2'), json.loads('1e400'), json.loads('0.1'))
print(json.loads('{"a": 9007199254740993}'), json.loads('-9223372036854775809'))
print(json.loads(b'{"bytes": true}'), json.loads(bytearray(b'[1]')))
print(json.loads('[1e5x]'.replace('x', '')))
for txt in ['1e', '1e+', '1.e5', '.5', '+1', '0x10', '[1]x', 'tru', 'Infinit', '-Inf']:
    try:
        print(repr(json.loads(txt)))
    except json.JSONDecodeError as e:
        print(txt, e)
enc = json.JSONEncoder()
print(enc.encode([1, "a"]), list(enc.iterencode({"a": 1})))
c = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring, None, ": ", ", ", True, False, True)
print(c({"b": [1, 2.0], "a": (3,)}, 0), c.sort_keys, c.skipkeys, c.key_separator, c.markers)
try:
    json.encoder.c_make_encoder([], str, str, None, ":", ",", 0, 0, 0)
except TypeError as e:
    print(e)
try:
    json.encoder.c_make_encoder(None, str, str, None, 1, ",", 0, 0, 0)
except TypeError as e:
    print(e)
c2 = json.encoder.c_make_encoder({}, repr, lambda s: "<" + s + ">", None, "=", ";", False, False, True)
print(c2({"k": ["v", 1, None, object.__class__]}, 0))
c3 = json.encoder.c_make_encoder({}, repr, lambda s: 5, None, "=", ";", False, False, True)
try:
    c3(["x"], 0)
except TypeError as e:
    print(e)
print(json.dumps([1.0, -0.0, 1e16, 1e-7, 123456789.123, 2**70, -2**63, True, False]))
print(json.dumps({True: 1, False: 2, None: 3, 2.5: 4, 10: 5}))
try:
    json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e:
    print(e)
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps({float("inf"): 1}, allow_nan=False)
except ValueError as e:
    print(e)
import collections, enum
class Color(enum.IntEnum):
    RED = 1
class FloatSub(float):
    def __repr__(self):
        return "FloatSub!"
class StrSub(str):
    pass
print(json.dumps([Color.RED, FloatSub(2.5), StrSub("s")]))
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
class D(dict):
    def items(self):
        return [("fake", 1)]
print(json.dumps(D(real=1)))
print(json.dumps(D(real=1), sort_keys=True))
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print(e)
try:
    json.dumps(d, check_circular=False)
except RecursionError as e:
    print("RecursionError")
class Loop:
    pass
def default(o):
    return o
try:
    json.dumps(Loop(), default=default)
except ValueError as e:
    print(e)
shared = [1]
print(json.dumps([shared, shared, {"x": shared}]))
deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError", str(e)[:40])
print(json.dumps("\x00\x1f\x7f\x80\u2028\ud800\U00010000"))
print(json.dumps("\x00\x1f\x7f\x80\u2028\U00010000", ensure_ascii=False).encode("utf-8"))
print(json.loads(json.dumps({"k\u00e9y": ["v\U0001f600"]}, ensure_ascii=False)))
print(_json.scanstring('"\\ud83d\\ude00 and \\ud83d x"', 1))
try:
    _json.scanstring('"abc"', 10)
except ValueError as e:
    print(e)
try:
    _json.scanstring('"abc', 1)
except ValueError as e:
    print(e)
print(_json.scanstring('"a\tb"', 1, False))
