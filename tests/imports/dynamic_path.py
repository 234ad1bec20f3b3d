# sys.path changed at run time, module dict order, SyntaxWarnings of imported modules.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/_extra_dir")
sys.path.append(b"/bytes/entries/are/skipped")
sys.path.append(12)
import _extra_mod
print(_extra_mod.WHERE)
print(list(vars(_extra_mod))[:9])
import _pkg
print(list(vars(_pkg))[:9])
import _nspkg
print(list(vars(_nspkg)))
import _warns
print(_warns.check(1))


def local_import():
    import _helper as h
    from _pkg.sub import other
    return h.VALUE, other.OTHER, "h" in locals()


print(local_import(), "h" in globals())
