# A naked exception matched by except* and re-raised is unwrapped again; a new
# exception raised there has the wrapper as its context.
def main():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("raised in except*")


main()
