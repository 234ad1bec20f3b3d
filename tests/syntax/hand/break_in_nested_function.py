for item in range(3):
    def stop():
        break
