# An uncaught error in code compiled from a transformed tree: the traceback
# uses the tree's locations against this file's lines.
import ast

class Tracer(ast.NodeTransformer):
    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        note = ast.parse(f"calls.append({node.name!r})").body[0]
        node.body.insert(0, ast.copy_location(note, node.body[0]))
        return node

def compute(items):
    total = 0
    for item in items:
        total += 100 // item
    return total

with open(__file__) as fh:
    tree = ast.parse(fh.read(), __file__)
tree.body = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "compute"]
tree = ast.fix_missing_locations(Tracer().visit(tree))
ns = {"calls": []}
exec(compile(tree, __file__, "exec"), ns)
print(ns["compute"]([1, 2, 5]), ns["calls"])
ns["compute"]([3, 0])
