import resource as r
print(r.RLIM_INFINITY, r.getrlimit(r.RLIMIT_NOFILE) == r.getrlimit(r.RLIMIT_OFILE), r.getpagesize(), r.error)
print({x: getattr(r,x) for x in sorted(dir(r)) if x.isupper()})
for a in [(-1,), (100,), (2**31,), (2**64,), (1.0,), ('a',), (16,), (15,)]:
    for f in (r.getrlimit, r.getrusage):
        try: res = f(*a); print(type(res).__name__, len(res))
        except Exception as e: print(type(e).__name__, e)
soft, hard = r.getrlimit(r.RLIMIT_NOFILE)
for lim in [1, (1,), (1,2,3), (1.0, 2), (2**64, 1), (2**63, 1), 'ab', [soft, hard], (soft, hard), range(soft, soft+2)]:
    try: print(r.setrlimit(r.RLIMIT_NOFILE, lim))
    except Exception as e: print(type(e).__name__, e)
print(r.getrlimit(r.RLIMIT_NOFILE) == (soft, hard))
if hard != r.RLIM_INFINITY:
    try: r.setrlimit(r.RLIMIT_NOFILE, (hard + 1, hard))
    except ValueError as e: print(e)
print(r.struct_rusage.__doc__ is None or r.struct_rusage.__doc__.startswith('struct_rusage'), r.struct_rusage.n_fields, r.struct_rusage.n_sequence_fields)
u = r.getrusage(r.RUSAGE_SELF); print(type(u.ru_utime), type(u.ru_maxrss), len(u), u.ru_maxrss > 0, u[0] == u.ru_utime)
print(r.struct_rusage(range(16)))
print(r.prlimit(0, r.RLIMIT_NOFILE) == r.getrlimit(r.RLIMIT_NOFILE))
for a in [(-1, r.RLIMIT_NOFILE), (0, r.RLIMIT_NOFILE, 1, 2), (0,), (2**40, 1), (1.0, 1), (0, 99)]:
    try: r.prlimit(*a)
    except Exception as e: print(type(e).__name__, e)
for f, a, k in [(r.getrusage, (), {}), (r.setrlimit, (1,), {}), (r.getrlimit, (), {'r': 1}), (r.getpagesize, (1,), {}), (r.setrlimit, (1,2,3), {})]:
    try: f(*a, **k)
    except Exception as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 0
print(r.getrlimit(I()) == r.getrlimit(0), r.getrusage(r.RUSAGE_CHILDREN).ru_utime >= 0, r.getrusage(r.RUSAGE_THREAD).ru_stime >= 0)
