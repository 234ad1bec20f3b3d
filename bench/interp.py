# A small bytecode interpreter loop: a stack machine running a program that
# computes primes and a checksum, dispatching on opcode integers.
PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, HALT, DUP, POP, EQ = range(14)


def assemble():
    # Counts primes below LIMIT by trial division and sums n * is_prime(n).
    # Labels are resolved in a second pass, as a real assembler does.
    program = [
        PUSH, 2, STORE, 0,                          # n = 2
        "loop_n",
        LOAD, 0, PUSH, 7000, LT, JZ, "end",
        PUSH, 2, STORE, 1,                          # d = 2
        PUSH, 1, STORE, 2,                          # prime = 1
        "loop_d",
        LOAD, 1, LOAD, 1, MUL, LOAD, 0, PUSH, 1, ADD, LT, JZ, "done_d",
        LOAD, 0, LOAD, 1, MOD, PUSH, 0, EQ, JZ, "next_d",
        PUSH, 0, STORE, 2,
        "next_d",
        LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, "loop_d",
        "done_d",
        LOAD, 3, LOAD, 2, LOAD, 0, MUL, ADD, STORE, 3,
        LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, "loop_n",
        "end",
        HALT,
    ]
    labels, code = {}, []
    for item in program:
        # A name right after a jump is the jump's target; elsewhere it defines a label.
        if isinstance(item, str) and not (code and code[-1] in (JZ, JMP)):
            labels[item] = len(code)
        else:
            code.append(item)
    return [labels[x] if isinstance(x, str) else x for x in code]


def run(code):
    stack = []
    regs = [0] * 8
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        steps += 1
        if op == PUSH:
            stack.append(code[pc + 1])
            pc += 2
        elif op == LOAD:
            stack.append(regs[code[pc + 1]])
            pc += 2
        elif op == STORE:
            regs[code[pc + 1]] = stack.pop()
            pc += 2
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
            pc += 1
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
            pc += 1
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
            pc += 1
        elif op == MOD:
            b = stack.pop()
            stack.append(stack.pop() % b)
            pc += 1
        elif op == LT:
            b = stack.pop()
            stack.append(1 if stack.pop() < b else 0)
            pc += 1
        elif op == EQ:
            b = stack.pop()
            stack.append(1 if stack.pop() == b else 0)
            pc += 1
        elif op == JZ:
            pc = code[pc + 1] if stack.pop() == 0 else pc + 2
        elif op == JMP:
            pc = code[pc + 1]
        elif op == DUP:
            stack.append(stack[-1])
            pc += 1
        elif op == POP:
            stack.pop()
            pc += 1
        elif op == HALT:
            return regs[3], steps


print(run(assemble()))
