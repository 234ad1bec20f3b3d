prefix = "id"
match {"id": 1}:
    case {f"{prefix}": value}:
        print(value)
