with(0,,):
