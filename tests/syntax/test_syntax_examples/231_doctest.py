async with A:
pass
