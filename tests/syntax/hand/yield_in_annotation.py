from __future__ import annotations

def produce(x: (yield)) -> None:
    pass
