# compile: mode=single
x = 1; x; print(x)
