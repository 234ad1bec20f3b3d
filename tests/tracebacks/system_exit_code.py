# raise SystemExit(3) from a nested call: exit status 3, no output on stderr.
def main():
    print("working")
    raise SystemExit(3)


main()
