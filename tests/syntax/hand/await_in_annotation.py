from __future__ import annotations

async def fetch() -> (await get_type()):
    pass
