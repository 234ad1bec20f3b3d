from __future__ import annotations

size: (n := 10) = 10
