# Support for the io cases: file removal that works before `os` exists.
def remove(path):
    try:
        import os
    except ImportError:
        # No os module yet: leave an empty file behind instead.
        open(path, "w").close()
        return
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
