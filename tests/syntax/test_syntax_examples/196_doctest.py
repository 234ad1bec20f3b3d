try:
   x = 34
