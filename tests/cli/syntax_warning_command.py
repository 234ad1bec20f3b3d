# -c: the warning names "<string>" and shows no source line.
