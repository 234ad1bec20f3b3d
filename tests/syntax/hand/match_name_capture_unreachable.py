command = "stop"
match command:
    case other:
        print("unknown")
    case "stop":
        print("stopping")
