name = "x"
match name:
    case f"x":
        print("x")
