# Word frequency, caesar cipher, palindromes, text wrapping by hand.
text = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! Over and over, the quick fox wins."""
words = [w.strip(".,;!").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top, len(words), len(freq))
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
def is_pal(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
print([is_pal(s) for s in ["A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon"]])
def wrap(s, width):
    lines, line = [], ""
    for word in s.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
for l in wrap(text, 22):
    print(f"|{l:<22}|")
print(text.count("the"), text.lower().count("the"), text.find("fox"), text.rfind("fox"), text.index("dog"))
table = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 4.0, 1)]
print(f"{'item':<12}{'price':>8}{'qty':>5}")
for name, price, qty in table:
    print(f"{name:<12}{price:>8.2f}{qty:>5d}")
print("-" * 25, f"{sum(p * q for _, p, q in table):>13.2f}")
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "snake_case_name".title().replace("_", ""), "CamelCase".swapcase())
vowels = sum(1 for c in text.lower() if c in "aeiou")
print(vowels, sorted(set(text.lower()) - set("abcdefghijklmnopqrstuvwxyz")))
print(" ".join(reversed(text.split()[:5])), text.splitlines()[1].strip())
