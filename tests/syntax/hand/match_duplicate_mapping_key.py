match {"id": 1}:
    case {"id": a, "id": b}:
        print(a, b)
