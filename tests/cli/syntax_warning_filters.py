# Compile-time warnings go through the warnings filters: "default" shows
# them (with the source line), a message filter can ignore one of them.
x = 1 is 1
y = 2 is not 2
print("ran", x, y)
