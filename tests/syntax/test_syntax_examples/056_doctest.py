p = p =
