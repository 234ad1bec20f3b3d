import pwd, grp, os
for a in [2**32, -2, 2**64, -1, 2**32-1, 1.5, '0', None, 10**30, -10**30, 0, True]:
    for f in (pwd.getpwuid, grp.getgrgid):
        try: print(f(a))
        except Exception as e: print(type(e).__name__, e)
for a in ['nonexist', 'a\x00b', b'root', 1, '\udcff', 'root', '']:
    for f in (pwd.getpwnam, grp.getgrnam):
        try: print(f(a))
        except Exception as e: print(type(e).__name__, e)
for f, a, k in [(pwd.getpwuid, (), {}), (pwd.getpwuid, (1,2), {}), (pwd.getpwnam, (), {}), (pwd.getpwall, (1,), {}), (grp.getgrgid, (), {}), (grp.getgrgid, (1,2), {}), (grp.getgrnam, (), {}), (grp.getgrnam, (), {'name':'root'}), (grp.getgrnam, (), {'x':1}), (grp.getgrall, (1,), {}), (pwd.getpwnam, (), {'name':'x'}), (grp.getgrgid, (), {'id': 0}), (pwd.getpwall, (), {'a': 1}), (grp.getgrnam, ('root',), {'name':'root'})]:
    try: print(f(*a, **k))
    except Exception as e: print(type(e).__name__, e)
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), me.pw_dir == os.path.expanduser('~'), me[0] == me.pw_name, len(me))
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.__module__, type(me).__name__, grp.struct_group.n_sequence_fields)
allp = pwd.getpwall(); allg = grp.getgrall()
print(type(allp), all(type(p) is pwd.struct_passwd for p in allp), any(p.pw_name == 'root' for p in allp))
print(all(isinstance(g.gr_mem, list) for g in allg), grp.getgrgid(0) in allg)
print(sorted(n for n in dir(pwd) if not n.startswith('__')), sorted(n for n in dir(grp) if not n.startswith('__')))
r = pwd.getpwnam('root'); print(r == pwd.getpwuid(0), hash(r) == hash(pwd.getpwuid(0)), r[2:4], tuple(r)[:3])
try: r.pw_name = 'x'
except AttributeError as e: print('AttributeError', e)
print(pwd.struct_passwd(('a','b',1,2,'c','d','e')))
try: pwd.struct_passwd((1,2))
except TypeError as e: print(e)
import getpass
print(getpass.getuser() == pwd.getpwuid(os.getuid())[0] or 'LOGNAME' in os.environ or 'USER' in os.environ)
import pathlib, shutil
print(pathlib.Path('/').owner(), pathlib.Path('/').group())
