# compile: mode=eval
[a + b for a in c if a] or {k: v for k, v in d}
