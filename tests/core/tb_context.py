def cleanup():
    raise OSError("disk full")

try:
    raise ValueError("primary failure")
except ValueError:
    try:
        cleanup()
    except OSError as e:
        raise RuntimeError("cleanup failed") from None
