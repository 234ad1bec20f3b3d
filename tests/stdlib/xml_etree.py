# xml.etree.ElementTree over pyexpat: parsing, round trips, iterparse, errors.
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<!-- top comment -->
<catalog xmlns="urn:cat" xmlns:x="urn:x">
  <book id="b1" x:lang="en" z="1" a="2">
    <title>Dune &amp; more</title>
    <price cur="EUR">9.99</price>
    <note><![CDATA[<raw> & text]]></note>
  </book>tail text
  <book id="b2"><title>Emma</title><?proc data?></book>
</catalog>"""
root = ET.fromstring(doc)
print(root.tag, root.attrib, repr(root.text), len(root))
for el in root.iter():
    print(el.tag, sorted(el.attrib.items()), repr(el.text), repr(el.tail))
print(ET.tostring(root, encoding="unicode"))
print(root.find("{urn:cat}book/{urn:cat}title").text)
print([b.get("id") for b in root.findall("{urn:cat}book")])

# Comments and PIs kept by the TreeBuilder.
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
r = ET.fromstring("<r><!-- c1 --><a/><?p q?>t<!--c2--></r>", parser=parser)
print(ET.tostring(r, encoding="unicode"))

# Round trips of bytes in several encodings.
for enc in ["utf-8", "iso-8859-1", "utf-16", "us-ascii"]:
    data = ET.tostring(ET.fromstring("<a b='\u00e9'>caf\u00e9<c/></a>"), encoding=enc)
    back = ET.fromstring(data)
    print(enc, data[:60], back.attrib, back.text)

# Incremental parsing.
events = []
p = ET.XMLPullParser(events=("start", "end", "start-ns", "end-ns", "comment", "pi"))
for piece in ['<r xmlns:p="u">', '<p:a k="', 'v">te', 'xt</p:a><!--', 'c--><?x y?>', '</r>']:
    p.feed(piece)
    for ev, el in p.read_events():
        if ev in ("comment", "pi"):
            el = el.text
        elif ev in ("start", "end"):
            el = el.tag
        events.append((ev, el))
p.close()
print(events)

for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end")):
    print(ev, el.tag)

tree = ET.parse(io.StringIO("<r><a>1</a><a>2</a></r>"))
print([a.text for a in tree.getroot()])

# DOCTYPE and entities.
r = ET.fromstring('<!DOCTYPE r [<!ENTITY who "world">]><r>hello &who;!</r>')
print(r.text)
tb = ET.TreeBuilder()
class Target(ET.TreeBuilder):
    def doctype(self, name, pubid, system):
        print("doctype", name, pubid, system)
ET.fromstring('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>',
              parser=ET.XMLParser(target=Target()))
xp = ET.XMLParser()
xp.entity["nbsp"] = "\u00a0"
xp.feed('<!DOCTYPE r SYSTEM "r.dtd"><r>a&nbsp;b</r>')
print(repr(xp.close().text))

# Errors with positions.
for bad in ["", "<a>", "<a></b>", "<a>&foo;</a>", "foo", "<a/>junk", "<a x='1' x='2'/>", "<a>\n  <b>\n</a>",
            "<a><![CDATA[x</a>", "<r>&#0;</r>", '<!DOCTYPE r SYSTEM "r.dtd"><r>&undef;</r>', "<a b=c/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(type(e).__name__, e, e.code, e.position)

# Namespace registration and serialization.
ET.register_namespace("cat", "urn:cat")
print(ET.tostring(root[0][0], encoding="unicode"))
print(ET.canonicalize("<r z='1' a='2'><!--c--><b>x</b></r>"))
