raise X, Y
