# pyexpat used directly: handlers, incremental parsing, errors, buffering.
import pyexpat
from xml.parsers import expat

print(pyexpat.EXPAT_VERSION, pyexpat.version_info, pyexpat.native_encoding)
print(pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__, pyexpat.ExpatError.__mro__[1].__name__)
print(type(pyexpat.ParserCreate()).__name__, pyexpat.XMLParserType)
print(pyexpat.errors.XML_ERROR_SYNTAX, pyexpat.errors.codes["mismatched tag"], pyexpat.errors.messages[9])
print(pyexpat.model.XML_CTYPE_SEQ, pyexpat.model.XML_CQUANT_PLUS)
import sys
print("pyexpat.errors" in sys.modules, "pyexpat.model" in sys.modules)
print([pyexpat.ErrorString(i) for i in (0, 1, 4, 7, 11, 43, 44, 1000)])

HANDLERS = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "CommentHandler",
            "ProcessingInstructionHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
            "StartCdataSectionHandler", "EndCdataSectionHandler", "XmlDeclHandler",
            "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
            "AttlistDeclHandler", "ElementDeclHandler", "NotationDeclHandler",
            "UnparsedEntityDeclHandler", "SkippedEntityHandler", "DefaultHandlerExpand"]


def run(title, data, sep=None, chunk=None, buffer_text=False, handlers=HANDLERS, **attrs):
    print("==", title)
    p = pyexpat.ParserCreate(namespace_separator=sep)
    p.buffer_text = buffer_text
    out = []

    def make(name):
        def h(*args):
            out.append((name[:-7], args, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
        return h
    for name in handlers:
        setattr(p, name, make(name))
    for k, v in attrs.items():
        setattr(p, k, v)
    try:
        if chunk:
            for i in range(0, len(data), chunk):
                p.Parse(data[i:i + chunk], False)
            p.Parse(b"" if isinstance(data, bytes) else "", True)
        else:
            print("returned", p.Parse(data, True))
    except expat.ExpatError as e:
        out.append(("ERROR", str(e), e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex))
    except (ValueError, LookupError) as e:
        out.append((type(e).__name__, str(e)))
    for o in out:
        print(o)
    print("end", p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)


DOC = b"""<?xml version='1.0' encoding='utf-8' standalone='yes'?>
<!-- a comment -->
<root a="1" b='two'>text one
line two &amp; &lt;&#65;&#x42;<![CDATA[cdata <not> &markup;]]><?target some data ?>
  <child x="\xc3\xa9t\xc3\xa9"/>tail\r\nnext\rlast
  <empty></empty>
</root>
<!--after-->
"""
run("full document", DOC)
run("full document, buffered", DOC, buffer_text=True)
run("full document in 5-byte chunks", DOC, chunk=5)
run("full document in 1-byte chunks, buffered", DOC, chunk=1, buffer_text=True)
run("str input", DOC.decode("utf-8"))

NS = b"""<r xmlns="urn:default" xmlns:p="urn:p" p:attr="1" plain="2">
<p:c xmlns="" q="3"><d/></p:c><p:e xmlns:p="urn:other"/></r>"""
run("namespaces", NS, sep="|")
run("namespaces, triplets", NS, sep="!", namespace_prefixes=True)
run("no namespace processing", NS)
run("ordered attributes", b"<a z='1' y='2' x='3'><b k='v'/></a>", ordered_attributes=True)

DTD = b"""<?xml version="1.0"?>
<!DOCTYPE doc PUBLIC "-//Test//DTD doc//EN" "doc.dtd" [
  <!ELEMENT doc (head, (p | note)*, foot?)+>
  <!ELEMENT head (#PCDATA)>
  <!ELEMENT p (#PCDATA | b | i)*>
  <!ELEMENT foot EMPTY>
  <!ELEMENT note ANY>
  <!ATTLIST doc version CDATA "1.0" kind (a|b) #REQUIRED id ID #IMPLIED fixed CDATA #FIXED "yes">
  <!ENTITY greeting "Hello &#x26; welcome">
  <!ENTITY % param "ignored">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
  <!NOTATION gif PUBLIC "image/gif">
  <!-- in the subset -->
  <?pi-in-subset data?>
]>
<doc kind="a"><head>&greeting;</head><p>x</p></doc>"""
run("doctype and declarations", DTD)
run("doctype, default handler only", DTD, handlers=["DefaultHandlerExpand"])
run("doctype, specified attributes", DTD, specified_attributes=True)

run("internal entity expansion", b"<!DOCTYPE r [<!ENTITY e '<b>in &amp; out</b>tail'>]><r>[&e;]</r>",
    handlers=["StartElementHandler", "EndElementHandler", "CharacterDataHandler"])
run("entity in attribute", b"<!DOCTYPE r [<!ENTITY e 'x&#9;y'>]><r a='1&e;2&#10;3\t4'/>")
run("undefined entity with external subset is skipped", b"<!DOCTYPE r SYSTEM 'r.dtd'><r>&nope;</r>")

ERRORS = [b"", b"<a>", b"<a", b"<a></b>", b"<a>&</a>", b"<a>&foo;</a>", b"abc<a/>", b"foo", b"<a/>x",
          b"<a/><b/>", b"<a x='1' x='2'/>", b"<a><![CDATA[x", b"<!-- x", b"<a>\x01</a>", b"<a b=c/>",
          b"<a>]]></a>", b" <?xml version='1.0'?><a/>", b"<a>&#0;</a>", b"<a b='<'/>", b"<a></a >",
          b"<a>\n<b>\n</c>", b"<a>\xff</a>", b"<a b='1'c='2'/>", b"<a><!-- a -- b --></a>", b"<1a/>",
          b"<a>x</a", b"<a/>\n  <", b"<!DOCTYPE a><a>&e;</a>", b"<?xml?><a/>", b"<a>&amp</a>",
          b"<a\n  b='1' b='2'/>", b"<a>&#x110000;</a>", b"<?XmL x?><a/>", b"<!DOCTYPE r [<!ENTITY e '&e;'>]><r>&e;</r>",
          b"\x00\r\n", b"<a>\xc3"]
for data in ERRORS:
    run("error %r" % data, data, handlers=["StartElementHandler", "CharacterDataHandler"])

for data in [b"<x:a/>", b"<a xmlns:p=''/>", b"<a xmlns:xml='u'/>", b"<a xmlns:xmlns='u'/>",
             b"<a xmlns:x='u' xmlns:y='u' x:q='1' y:q='2'/>", b"<a:b:c/>", b"<e xmlns:a='x y'/>"]:
    run("namespace error %r" % data, data, sep=" ")

# Encodings.
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso-8859-1", "latin-1", "us-ascii", "cp1252", "utf8", "koi8-r"]:
    text = "<?xml version='1.0' encoding='%s'?><r a='caf\u00e9'>na\u00efve \u00e9t\u00e9</r>" % enc
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode("ascii", "xmlcharrefreplace")
    run("encoding " + enc, data, handlers=["StartElementHandler", "CharacterDataHandler"])
run("BOM utf-8", b"\xef\xbb\xbf<r>x</r>", handlers=["StartElementHandler", "CharacterDataHandler"])
run("undeclared UTF-16", "<r>\u00e9</r>".encode("utf-16-le"), handlers=["StartElementHandler"])
run("UTF-16 declared utf-8", "<?xml version='1.0' encoding='utf-8'?><r/>".encode("utf-16"), handlers=["StartElementHandler"])
run("unknown encoding name", b"<?xml version='1.0' encoding='no-such-codec'?><r/>", handlers=["StartElementHandler"])
run("BOM utf-16", "<r>\u00e9</r>".encode("utf-16"), handlers=["StartElementHandler", "CharacterDataHandler"])
p = pyexpat.ParserCreate("iso-8859-1")
p.CharacterDataHandler = lambda t: print("forced encoding:", ascii(t))
p.Parse(b"<?xml version='1.0' encoding='utf-8'?><r>\xe9</r>", True)

# Buffering details.
for size in (3, 10, 1000):
    p = pyexpat.ParserCreate()
    p.buffer_text = True
    p.buffer_size = size
    got = []
    p.CharacterDataHandler = got.append
    p.Parse(b"<r>abcdefg\nhijklmnop&amp;qrstuvwxyz</r>", True)
    print("buffer_size", size, got, p.buffer_used)
p = pyexpat.ParserCreate()
for bad in (0, -1, 1.5, "x"):
    try:
        p.buffer_size = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del p.buffer_size
except RuntimeError as e:
    print("RuntimeError", e)

# Handlers raising; parser state afterwards.
p = pyexpat.ParserCreate()
def boom(name, attrs):
    raise KeyError(name)
p.StartElementHandler = boom
p.EndElementHandler = print
try:
    p.Parse(b"<root><x/></root>", True)
except KeyError as e:
    print("KeyError", e, p.StartElementHandler, p.EndElementHandler)
try:
    p.Parse(b"<more/>", True)
except expat.ExpatError as e:
    print("after exception:", e, e.code)

p = pyexpat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"", True)
except expat.ExpatError as e:
    print("after end:", e, e.code)

# Argument errors.
for args, kw in [((), {"namespace_separator": "ab"}), ((), {"intern": []}), ((1,), {}), ((), {"bogus": 1})]:
    try:
        pyexpat.ParserCreate(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
p = pyexpat.ParserCreate()
try:
    p.Parse(12)
except TypeError as e:
    print("TypeError", e)
try:
    p.ParseFile(12)
except TypeError as e:
    print("TypeError", e)
try:
    p.nonexistent = 1
except AttributeError as e:
    print("AttributeError", e)

# intern dictionary.
d = {}
p = pyexpat.ParserCreate(intern=d)
p.StartElementHandler = lambda n, a: None
p.Parse(b"<a x='1'><b x='2'/><a/></a>", True)
print(sorted(d), pyexpat.ParserCreate(intern=None).intern, pyexpat.ParserCreate().intern)

# ParseFile.
import io
p = pyexpat.ParserCreate()
count = []
p.StartElementHandler = lambda n, a: count.append(n)
p.ParseFile(io.BytesIO(b"<r>" + b"<i/>" * 2000 + b"</r>"))
print(len(count), p.CurrentLineNumber, p.CurrentColumnNumber)
p = pyexpat.ParserCreate()
try:
    p.ParseFile(io.StringIO("<r/>"))
except TypeError as e:
    print("TypeError", e)

# Attribute flags.
p = pyexpat.ParserCreate(namespace_separator="!")
for name in ("buffer_text", "namespace_prefixes", "ordered_attributes", "specified_attributes"):
    vals = []
    for x in (0, 1, 2, 0):
        setattr(p, name, x)
        vals.append(getattr(p, name))
    print(name, vals)
print(p.buffer_size, p.buffer_used, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
print(p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS), p.GetBase())
p.SetBase("http://example.com/")
print(p.GetBase())
