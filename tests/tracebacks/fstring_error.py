# An error raised inside an f-string replacement field.
def describe(item):
    return f"{item['name']}: {item['price'] / item['qty']:.2f}"


print(describe({"name": "a", "price": 3, "qty": 2}))
print(describe({"name": "b", "price": 3, "qty": 0}))
