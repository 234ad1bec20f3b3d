def inner(values, i):
    return values[i] + 1 / values[i - 1]

def outer():
    data = [1, 0, 2]
    return inner(data, 2)

print("before")
outer()
