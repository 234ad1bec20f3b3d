status = 404
match status:
    case _:
        print("any")
    case 200:
        print("ok")
