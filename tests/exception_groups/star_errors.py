# except* with ExceptionGroup types is a TypeError at run time; except*
# SyntaxErrors (break/continue/return inside, mixing with except, bare
# except*, parenthesised tuple) from compile().
def check(src):
    try:
        compile(src, "<star>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled")


for t in ("ExceptionGroup", "BaseExceptionGroup", "(ValueError, ExceptionGroup)", "MyGroup"):
    class MyGroup(ExceptionGroup):
        pass
    try:
        exec(f"try:\n    raise ValueError(1)\nexcept* {t}:\n    pass\n")
    except TypeError as e:
        print(t, "->", type(e).__name__, e)

check("try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass\n")
check("try:\n    pass\nexcept KeyError:\n    pass\nexcept* ValueError:\n    pass\n")
check("try:\n    pass\nexcept*:\n    pass\n")
check("for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n")
check("for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n")
check("def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n")
check("try:\n    pass\nexcept* (ValueError, TypeError) as e:\n    pass\n")
check("try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n")
check("def f():\n    try:\n        pass\n    except* ValueError:\n        for i in x:\n            break\n        def g():\n            return 1\n")
check("try:\n    pass\nexcept *ValueError:\n    pass\n")

try:
    raise ValueError(1)
except* ExceptionGroup:
    pass
