# Building strings: join vs +=, format tables, escaping, repr round-trips, bytes<->str.
parts = []
for i in range(5):
    parts.append(f"{i}:{i * i}")
s = ", ".join(parts)
t = ""
for p in parts:
    t += p + ", "
print(s, t.rstrip(", ") == s, len(s))
rows = [("Name", "Qty", "Price"), ("widget", 3, 2.5), ("gadget", 12, 10.0), ("thingamajig", 1, 999.99)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for r in rows:
    print(" | ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(r, widths))))
print("+".join("-" * w for w in widths))
for v in ["plain", "it's", 'say "hi"', "both ' \"", "tab\there", "nl\n", "back\\slash", "uni ü ☃", "\x07bell"]:
    r = repr(v)
    print(r, eval(r) == v if False else r[0])
data = "héllo wörld"
enc = data.encode()
print(enc, len(enc), len(data), enc.decode() == data, list(enc[:3]), data.encode("utf-8")[1:3])
csv = "name,age\nann,30\nbob,25\n"
records = [dict(zip(csv.splitlines()[0].split(","), line.split(","))) for line in csv.splitlines()[1:]]
print(records, sum(int(r["age"]) for r in records))
template = "Dear {name}, you owe ${amount:.2f} as of {date}."
print(template.format(name="Ann", amount=12.5, date="today"), template.format_map({"name": "Bob", "amount": 3, "date": "now"}))
print("%-10s|%5.1f%%" % ("rate", 12.345), "{:>{w}}".format("r", w=6), f"{'centered':^20}".replace(" ", "."))
s2 = "abc"
print(s2 * 3, s2[::-1] * 2, "-".join(s2), s2.join("XYZ"), "".join(c * i for i, c in enumerate(s2, 1)))
print(str(12).rjust(5, "0"), "{:05}".format(12), f"{12:05}", "%05d" % 12, format(12, "05"))
