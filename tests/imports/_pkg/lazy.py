print("lazy loaded", __name__)
LAZY = 1
