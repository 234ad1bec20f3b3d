# json: dumps/loads round trips, formatting options, errors.
import json

doc = {"name": "pyrite", "version": [3, 11], "ratio": 0.93, "fast": True, "none": None,
       "text": "caf\u00e9 \"quoted\"\n", "nested": {"b": 2, "a": [1.5, -0.0, 1e100]}}
s = json.dumps(doc)
print(s)
print(json.dumps(doc, indent=2, sort_keys=True))
print(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == doc, json.loads('[1, 2.5, "x", null, true, {"k": []}]'))
print(json.loads('"\\u00e9\\ud83d\\ude00"'), json.dumps("\U0001F600"))
for bad in ['{"a": }', '[1, 2', 'nul', '{"a" 1}', '"unterminated']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({1j: 2})
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", e)
print(json.dumps({3: "int key", 2.5: "float key", None: "none", True: "bool"}))
print(json.loads("1e400"), json.dumps(float("inf")), json.dumps([float("nan")]))


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}}, cls=Encoder))
print(json.loads('{"a": 1.25}', parse_float=lambda x: "float:" + x, object_hook=lambda d: sorted(d.items())))
