def setup():
    from __future__ import annotations
