parts = [{"a": 1}]
merged = {**p for p in parts}
