try:
  pass
except* A, B, C as blech:
  pass
finally:
  pass
