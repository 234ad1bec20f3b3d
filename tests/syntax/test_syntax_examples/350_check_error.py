class C:
  while 0: yield