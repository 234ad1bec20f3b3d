# A module-level for loop over range (globals, not fast locals).
total = 0
for i in range(10_000_000):
    total += i
print(total)
