def main():
    tracer(False)
    setup()
    tracerTrue)
    tick()
    return "EVENTLOOP"
