# builtins.__dict__ keeps CPython's insertion order, which also decides
# NameError suggestions between equally close names ('st' -> 'set').
import builtins

site_added = {"copyright", "credits", "license", "help", "exit", "quit", "open"}
print([n for n in builtins.__dict__ if n not in site_added])
try:
    st
except NameError as e:
    print(e)
st
