# Lib/stat.py over posix results.
import stat
import posix

print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o100644), oct(stat.S_IMODE(0o40755)))
for mode in [0o100644, 0o40755, 0o120777, 0o20620, 0o60660, 0o10644, 0o140755]:
    print(oct(mode), stat.filemode(mode), stat.S_ISREG(mode), stat.S_ISDIR(mode), stat.S_ISLNK(mode),
          stat.S_ISCHR(mode), stat.S_ISBLK(mode), stat.S_ISFIFO(mode), stat.S_ISSOCK(mode))
print(stat.filemode(0o104755), stat.filemode(0o102755), stat.filemode(0o41777))
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, stat.UF_NODUMP, stat.SF_APPEND)
st = posix.stat(".")
print(stat.S_ISDIR(st[stat.ST_MODE]), stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0])
st = posix.stat("stat_module.py")
print(stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode)[0], st[stat.ST_SIZE] == st.st_size)
print(stat.S_IRUSR | stat.S_IWUSR, stat.S_IRWXU, stat.S_IRWXG, stat.S_IRWXO, stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX)
