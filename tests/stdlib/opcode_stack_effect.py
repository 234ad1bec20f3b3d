import dis
import opcode
import _opcode

print("stack_effect" in opcode.__all__, dis.stack_effect is _opcode.stack_effect)
# Every real opcode, with and without jump, against the compiler's table.
for name, op in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
    results = []
    for oparg in ((None,) if op < opcode.HAVE_ARGUMENT else (0, 1, 3, 4, 5, 8, 0x10F)):
        for jump in (None, True, False):
            try:
                results.append(dis.stack_effect(op, oparg, jump=jump))
            except ValueError as e:
                results.append(str(e))
    print(name, results)
cases = [(-10,), (-11,), (-3, None), (241,), (240,), (1,), (100,), (100, None), (1, 0), (93, 0), (256, 0), (255,), (-1,), (2**70, 0), (1.0,), (100, 2**40), (100, 1.5)]
for a in cases:
    try:
        print(a, _opcode.stack_effect(*a))
    except Exception as e:
        print(a, type(e).__name__, e)
for j in (True, False, None, 1, 0, "x"):
    try:
        print(j, _opcode.stack_effect(93, 0, jump=j))
    except Exception as e:
        print(j, type(e).__name__, e)
for call in (lambda: _opcode.stack_effect(), lambda: _opcode.stack_effect(opcode=1), lambda: _opcode.stack_effect(1, 2, 3), lambda: _opcode.stack_effect(100, 0, jmp=1)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
