# PEP 657 markers under a failing binary operation inside a larger line.
def total(prices, count):
    subtotal = prices["apple"] * count
    return subtotal + prices["tax"] / count


print(total({"apple": 2, "tax": 1}, 4))
print(total({"apple": 2, "tax": 1}, 0))
