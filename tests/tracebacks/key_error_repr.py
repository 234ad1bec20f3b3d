# KeyError shows the repr of its key; with several args, the tuple.
for key in ("plain", ("tuple", 1), "", 3.5):
    try:
        {}[key]
    except KeyError as e:
        print(str(e), repr(e))
print(str(KeyError()), str(KeyError(1, 2)))
d = {"a": 1}
d["b"]
