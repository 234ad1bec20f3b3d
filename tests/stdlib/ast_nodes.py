# ast node classes (native _ast): defaults, constructor rules, dump of hand-built trees.
import ast
print(ast.Return().value, ast.Name().__dict__)
try: ast.Name().id
except AttributeError as e: print(e)
print(ast.arguments().__dict__, ast.Constant(1).kind, ast.Name.end_lineno)
try: ast.Name(1,2,3)
except TypeError as e: print(e)
print(ast.Name('x', ast.Load(), lineno=3).lineno, ast.Name.__module__, ast.AST.__module__, type(ast.Name).__name__)
print(sorted(ast.Return.__dict__.keys()))
print(ast.Name.__match_args__, ast.Name.__doc__, ast.Add.__mro__)
print(ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load()))))
print(ast.Num(3).value, isinstance(ast.Constant(3), ast.Num), ast.literal_eval is not None)
