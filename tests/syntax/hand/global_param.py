def bump(count):
    global count
    count += 1
    return count
