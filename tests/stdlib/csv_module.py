import csv, io, _csv, os

print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(sorted(csv.list_dialects()))
data = 'a,b,c\r\n1,"two, three","say ""hi"""\n\n"multi\nline",x,\n  spaced, y ,z\n'
r = csv.reader(io.StringIO(data, newline=''))
for row in r:
    print(r.line_num, row)
print(list(csv.reader(['a;b;c', '1;2;3'], delimiter=';')))
print(list(csv.reader(['  a,  b'], skipinitialspace=True)))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')))
print(list(csv.reader(['"a\\"b",c'], escapechar='\\', doublequote=False)))
print(list(csv.reader(['1,2.5,"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"a",b'], quoting=csv.QUOTE_NONE)))
print(list(csv.reader(['a,"b'])))
for bad, kw in [(['a,"b'], {'strict': True}), (['"a"b,c'], {'strict': True}), (['a\rb'], {}), ([b'a,b'], {}),
                (['abc', 'x' * 20], {}), (['a,x'], {'quoting': csv.QUOTE_NONNUMERIC})]:
    try:
        print(list(csv.reader(bad, **kw)))
    except (csv.Error, ValueError) as e:
        print(type(e).__name__, e)
old = csv.field_size_limit(10)
try:
    print(list(csv.reader(['short', 'x' * 20])))
except csv.Error as e:
    print("Error", e)
print(old, csv.field_size_limit(old), csv.field_size_limit())

out = io.StringIO()
w = csv.writer(out)
w.writerow(['a', 'b,c', 'd"e', 'f\ng', None, 1, 2.5, ''])
w.writerow([])
w.writerow([''])
w.writerows([[1, 2], (3, 4)])
print(repr(out.getvalue()))
for kw in [{'quoting': csv.QUOTE_ALL}, {'quoting': csv.QUOTE_NONNUMERIC}, {'quoting': csv.QUOTE_NONE, 'escapechar': '\\'},
           {'delimiter': '\t', 'lineterminator': '\n'}, {'doublequote': False, 'escapechar': '\\'}, {'quotechar': "'"}]:
    out = io.StringIO()
    csv.writer(out, **kw).writerow(['x', 'y z', 'q"t', 'a,b', 3, 4.5, None, True])
    print(kw, repr(out.getvalue()))
for bad in [lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']),
            lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']),
            lambda: csv.writer(io.StringIO(), doublequote=False).writerow(['a"b']),
            lambda: csv.writer(io.StringIO()).writerow(5), lambda: csv.writer(1), lambda: csv.reader(1),
            lambda: csv.reader([], 'nope'), lambda: csv.register_dialect(1), lambda: csv.field_size_limit(1.5),
            lambda: csv.get_dialect('nope'), lambda: csv.unregister_dialect('nope'), lambda: csv.reader([], foo=1),
            lambda: _csv.Dialect(quoting=7), lambda: _csv.Dialect(delimiter=''), lambda: _csv.Dialect(delimiter=None),
            lambda: _csv.Dialect(quotechar=1), lambda: _csv.Dialect(lineterminator=1), lambda: _csv.Dialect(quoting='1'),
            lambda: _csv.Dialect(quotechar=None, quoting=1), lambda: _csv.Dialect(lineterminator=None),
            lambda: csv.reader(), lambda: csv.reader([], [], []), lambda: _csv.Dialect(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)

csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
d = csv.get_dialect('pipes')
print(type(d).__name__, d.delimiter, d.quotechar, d.quoting, repr(d.lineterminator), d.escapechar, d.doublequote, d.skipinitialspace, d.strict)
out = io.StringIO(); csv.writer(out, 'pipes').writerow([1, 'a']); print(repr(out.getvalue()))
print(list(csv.reader(['"1"|"a|b"'], dialect='pipes')))
print('pipes' in csv.list_dialects()); csv.unregister_dialect('pipes'); print('pipes' in csv.list_dialects())
class MyDialect(csv.Dialect):
    delimiter = ':'
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
out = io.StringIO(); csv.writer(out, MyDialect).writerow(['a:b', 'c']); print(repr(out.getvalue()))
class BadDialect(csv.Dialect):
    delimiter = ''
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
try:
    BadDialect()
except csv.Error as e:
    print("Error", e)
try:
    import pickle; pickle.dumps(csv.get_dialect('excel'))
except TypeError as e:
    print(e)
r = csv.reader([], delimiter=';'); print(r.dialect.delimiter, r.line_num)

path = 'csv_tmp.csv'
with open(path, 'w', newline='') as f:
    dw = csv.DictWriter(f, fieldnames=['name', 'age'], extrasaction='ignore')
    dw.writeheader()
    dw.writerow({'name': 'Ann', 'age': 30, 'extra': 1})
    dw.writerows([{'name': 'Bob, Jr.', 'age': None}, {'name': 'Cé', 'age': 4}])
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path, newline='') as f:
    for row in csv.DictReader(f):
        print(row)
with open(path, newline='') as f:
    for row in csv.DictReader(f, fieldnames=['n'], restkey='rest'):
        print(row)
os.remove(path)
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'b': 1})
except ValueError as e:
    print(e)
sample = 'name;age;city\r\nAnn;30;"New York"\r\nBob;25;Paris\r\n'
s = csv.Sniffer()
dia = s.sniff(sample)
print(dia.delimiter, repr(dia.quotechar), s.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dia)))
