print("sibling", __name__, __package__, __spec__.parent)
SIB = "sib"
