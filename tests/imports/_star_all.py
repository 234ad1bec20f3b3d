__all__ = ["shown", "_private_but_listed"]
shown = 1
_private_but_listed = 2
hidden = 3
