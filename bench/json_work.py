# json dumps/loads: serializing and parsing a nested document of dicts,
# lists, strings with escapes, ints and floats, with and without indent.
import json


def make_doc(n):
    return {
        "users": [
            {
                "id": i,
                "name": "user %d \u00e9\"q\"" % i,
                "score": i * 1.25,
                "tags": ["t%d" % (i % 7), "x", None, True],
                "nested": {"a": [i, i + 1, {"b": "c\n"}]},
            }
            for i in range(n)
        ],
        "count": n,
    }


doc = make_doc(4000)
total = 0
for _ in range(5):
    text = json.dumps(doc)
    back = json.loads(text)
    total += len(text) + back["count"]
pretty = json.dumps(doc["users"][:200], indent=2, sort_keys=True)
print(total, len(pretty), back["users"][123]["name"], json.loads(pretty)[5]["score"])
