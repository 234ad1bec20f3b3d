class C:
  if 0: continue