# xml.dom.minidom over pyexpat (expatbuilder with namespaces).
from xml.dom import minidom
from xml.parsers.expat import ExpatError

doc = minidom.parseString(b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE root [<!ENTITY e "entity text">]>
<root xmlns="urn:r" xmlns:q="urn:q" attr="v">
  <q:item n="1">one &e;</q:item>
  <item n="2"><![CDATA[two <x>]]></item>
  <!-- comment -->
  <?pi data?>
</root>""")
print(doc.doctype.name, doc.documentElement.tagName, doc.documentElement.namespaceURI)
for node in doc.documentElement.childNodes:
    print(node.nodeType, node.nodeName, repr(node.nodeValue), getattr(node, "namespaceURI", None))
items = doc.getElementsByTagNameNS("urn:q", "item")
print([i.getAttribute("n") for i in items], items[0].firstChild.data)
print(doc.toxml())
print(minidom.parseString("<a><b>t</b><c x='1'/></a>").toprettyxml(indent="  "))
for bad in ["<a>", "<a></b>", "<a x='1' x='1'/>", "text"]:
    try:
        minidom.parseString(bad)
    except ExpatError as e:
        print("ExpatError", e, e.code, e.lineno, e.offset)
