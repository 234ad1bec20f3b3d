# compile: flags=0x1020000
def f(a: List[int]) -> Dict: pass
x: Tuple[int] = 1
