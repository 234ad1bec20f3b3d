# The script is `__main__`; importing its file runs it again under its own name.
import sys
print("running as", __name__, __spec__ is None, __package__, __file__.rsplit("/", 1)[-1])
if __name__ == "__main__":
    import main_guard
    print(main_guard.__name__, main_guard is sys.modules["__main__"], main_guard.__spec__.name)
    print(sys.modules["__main__"].__name__)
