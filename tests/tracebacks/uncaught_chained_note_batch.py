# A worker pool style program that ends in an uncaught chained error with notes.
import functools
class ValidationError(ValueError):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}")
        self.field = field

def validate(rec):
    if not isinstance(rec.get("age"), int):
        raise ValidationError("age", rec.get("age"))
    return rec

@functools.lru_cache(maxsize=None)
def load(n):
    return {"id": n, "age": "old" if n == 3 else n * 10}

def process(ids):
    out = []
    for i in ids:
        try:
            out.append(validate(load(i)))
        except ValidationError as e:
            e.add_note(f"while processing record {i}")
            raise RuntimeError(f"batch failed at {i}") from e
    return out

print(len(process([1, 2])))
results = {k: v for k, v in enumerate(process([1, 2, 3, 4]))}
