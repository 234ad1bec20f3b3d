event = ("click", 1, 2)
match event:
    case ("click", x, y) | ("key", code):
        print(x)
