state = "idle"

def start():
    state = "starting"
    global state
    print(state)
