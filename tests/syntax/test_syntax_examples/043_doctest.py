for (*a, b, c+1) in b: pass
