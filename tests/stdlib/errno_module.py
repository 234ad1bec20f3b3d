import errno

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(len(errno.errorcode))
print(list(errno.errorcode.items())[:10])
print(list(errno.errorcode.items())[-10:])
names = sorted(n for n in vars(errno) if n.startswith("E"))
print(len(names), names[:8], names[-8:])
print(all(getattr(errno, errno.errorcode[c]) == c for c in errno.errorcode))
print(sum(errno.errorcode))
print(type(errno.errorcode).__name__, errno.__name__)
try:
    errno.ENOSUCHTHING
except AttributeError as e:
    print(type(e).__name__, e)
