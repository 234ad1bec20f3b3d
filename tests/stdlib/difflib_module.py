import difflib

a = """one
two
three
four
five
six""".splitlines(keepends=True)
b = """zero
one
tree
four
five and a half
six""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")), end="")
print("".join(difflib.context_diff(a, b, fromfile="a.txt", tofile="b.txt", n=1)), end="")
print("".join(difflib.ndiff(a, b)), end="")
print("".join(difflib.restore(difflib.ndiff(a, b), 2)), end="")
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 6), sm.quick_ratio(), sm.real_quick_ratio())
print(sm.get_matching_blocks())
for op in sm.get_opcodes():
    print(op)
sm2 = difflib.SequenceMatcher(lambda x: x == " ", "abcd efgh ijkl", "abXd efgh ijkL mn")
print(list(sm2.get_grouped_opcodes(1)))
print(sm2.find_longest_match(0, 14, 0, 17))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "heel", "wheels"], n=2, cutoff=0.5))
d = difflib.Differ()
print(list(d.compare(["abcDefghiJkl\n"], ["abcdefGhijkl\n"])))
html = difflib.HtmlDiff(wrapcolumn=20).make_table(a, b, "a", "b", context=True, numlines=1)
print(len(html.splitlines()), html.count("diff_add"), html.count("diff_chg"), html.count("diff_sub"))
print(list(difflib.unified_diff(["x"], ["y"], lineterm="")))
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n"], [b"b\n"], b"old", b"new")))
words1 = ("lorem ipsum dolor sit amet consectetur adipiscing elit " * 40).split()
words2 = list(words1)
words2[100:105] = ["X", "Y"]
sm3 = difflib.SequenceMatcher(None, words1, words2, autojunk=False)
print(sm3.ratio(), sm3.get_opcodes()[:4])
print(sorted(difflib.SequenceMatcher(None, words1, words2).bpopular)[:3])
