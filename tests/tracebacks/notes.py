# PEP 678 notes on an uncaught exception, in order, multi-line.
def validate(record):
    err = ValueError(f"invalid record {record['id']}")
    err.add_note("field 'name' is empty")
    err.add_note("hint: fill in the name\nor remove the record")
    raise err


try:
    validate({"id": 1})
except ValueError as e:
    print(e.__notes__)
    try:
        e.add_note(42)
    except TypeError as te:
        print("TypeError", te)
validate({"id": 7})
