# xml.sax with a ContentHandler, over pyexpat.
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_namespaces


class Handler(ContentHandler):
    def setDocumentLocator(self, locator):
        self.loc = locator
    def startDocument(self):
        print("startDocument")
    def endDocument(self):
        print("endDocument")
    def startElement(self, name, attrs):
        loc = getattr(self, "loc", None)
        print("start", name, sorted(attrs.items()), loc and (loc.getLineNumber(), loc.getColumnNumber()))
    def endElement(self, name):
        print("end", name)
    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, sorted(attrs.items()))
    def endElementNS(self, name, qname):
        print("endNS", name, qname)
    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)
    def characters(self, content):
        print("chars", repr(content))
    def processingInstruction(self, target, data):
        print("pi", target, data)
    def ignorableWhitespace(self, ws):
        print("ws", repr(ws))


DOC = b"<?xml version='1.0'?>\n<r a='1'>\n <x:b xmlns:x='urn:x' x:c='2'>t&amp;u</x:b><?p d?>\n</r>"
xml.sax.parseString(DOC, Handler())
parser = xml.sax.make_parser()
parser.setFeature(feature_namespaces, True)
parser.setContentHandler(Handler())
parser.parse(io.BytesIO(DOC))

inc = xml.sax.make_parser()
inc.setContentHandler(Handler())
for piece in [b"<r>", b"ab", b"c</r>"]:
    inc.feed(piece)
inc.close()

for bad in [b"<a>", b"<a></b>", b"<a>&nope;</a>"]:
    try:
        xml.sax.parseString(bad, ContentHandler())
    except xml.sax.SAXParseException as e:
        print(type(e).__name__, e, e.getLineNumber(), e.getColumnNumber())
