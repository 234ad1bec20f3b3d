data = {"users": [{"name": "ann", "age": 30}, {"name": "bo"}]}
ages = [u["age"] for u in data["users"]]
