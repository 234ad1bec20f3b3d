def make_adder():
    total = 0
    def add(total):
        nonlocal total
        return total
    return add
