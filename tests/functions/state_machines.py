# Generator-based coroutines and a tokenizer/parser pipeline.
def tokenize(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield ("NUM", float(src[i:j]) if "." in src[i:j] else int(src[i:j]))
            i = j
        elif ch in "+-*/()":
            yield ("OP", ch)
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
class Parser:
    def __init__(self, tokens):
        self.tokens = list(tokens)
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)
    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.atom()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            v = v * self.atom() if op == "*" else v / self.atom()
        return v
    def atom(self):
        kind, val = self.take()
        if kind == "NUM":
            return val
        if val == "(":
            v = self.expr()
            self.take()
            return v
        if val == "-":
            return -self.atom()
        raise SyntaxError(f"unexpected {val!r}")
for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2.5 * 2) + 7", "2 * (3 + (4 - 1)) / 3"]:
    print(src, "=", Parser(tokenize(src)).expr())
for bad in ["1 + $", "* 2"]:
    try:
        Parser(tokenize(bad)).expr()
    except SyntaxError as e:
        print("SyntaxError:", e)
def traffic_light():
    states = ["green", "yellow", "red"]
    i = 0
    while True:
        cmd = yield states[i]
        if cmd == "reset":
            i = 0
        elif cmd == "skip":
            i = (i + 2) % 3
        else:
            i = (i + 1) % 3
tl = traffic_light()
print([next(tl)] + [tl.send(c) for c in [None, None, "reset", "skip", None, None]])
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line.upper())
def collector(store):
    while True:
        store.append((yield))
store = []
col = collector(store); next(col)
g = grep("py", col); next(g)
for line in ["python rocks", "java", "pyrite too", "rust"]:
    g.send(line)
g.close(); col.close()
print(store)
