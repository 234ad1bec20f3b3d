import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 4 + "Supercalifragilisticexpialidocious words "
        "and\ttabs\tand hyphen-ated words-with-many-hyphens go here.")
for width in (10, 25, 40, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, 20, break_long_words=False, break_on_hyphens=False))
print(textwrap.shorten(text, 50), "|", textwrap.shorten("Hello  world!", width=12), "|", textwrap.shorten("Hello world", 11, placeholder="..."))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # odd
    """)))
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("   \n  x\n   y")))
print(textwrap.indent("a\n\nb\n c\n", "> "), end="")
print(textwrap.indent("a\n\nb\n", "+", lambda line: True), end="")
w = textwrap.TextWrapper(width=15, max_lines=3, placeholder=" [..]", expand_tabs=True, tabsize=4, replace_whitespace=True, drop_whitespace=False, fix_sentence_endings=True)
print(w.wrap("Hello there. How are you?  Fine.\tThanks for asking, really, a lot."))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("a b", 1))
for bad in (0, -1):
    try:
        textwrap.wrap("abc", bad)
    except ValueError as e:
        print("ValueError", e)
try:
    textwrap.TextWrapper(width=5, max_lines=1, placeholder="longplaceholder").wrap("aaa bbb ccc")
except ValueError as e:
    print("ValueError", e)
print(textwrap.wrap("ünïcödé wörds ärë wrappëd cörrëctly tōō", 12))
