# Subclasses (what arithmetic and class methods return), pickling at every
# protocol, copy, hashing, and the pickle-state constructors.
from datetime import date, time, datetime, timedelta, timezone, tzinfo
import pickle, copy


class MyDate(date):
    def __new__(cls, y, m, d, note="n"):
        self = super().__new__(cls, y, m, d)
        self.note = note
        return self

    def __repr__(self):
        return f"MyDate<{self.isoformat()}, {self.note}>"


class MyDateTime(datetime):
    created = 0

    def __new__(cls, *args, **kw):
        cls.created += 1
        return super().__new__(cls, *args, **kw)

    def isoformat(self, sep="T", timespec="auto"):
        return "custom:" + super().isoformat(sep, timespec)


class MyTime(time):
    pass


md = MyDate(2020, 2, 28, "x")
print(md, str(md), md.note, type(md + timedelta(days=1)).__name__, (md + timedelta(days=1)).note, type(md - timedelta(1)).__name__)
print(type(md.replace(day=1)).__name__, getattr(md.replace(day=1), "note", "no note"), md - date(2020, 1, 1), type(MyDate.fromordinal(5)).__name__)
print(MyDate.fromisoformat("2020-01-05"), MyDate.fromisocalendar(2020, 2, 3), type(MyDate.today()).__name__, MyDate.min, type(MyDate.min).__name__)
print(md == date(2020, 2, 28), hash(md) == hash(date(2020, 2, 28)), md < date(2021, 1, 1), isinstance(md, date))

mdt = MyDateTime(2020, 1, 1, 12, 30, tzinfo=timezone.utc)
print(str(mdt), repr(mdt), type(mdt + timedelta(hours=1)).__name__, type(mdt - timedelta(hours=1)).__name__, mdt - datetime(2020, 1, 1, tzinfo=timezone.utc))
print(type(mdt.astimezone(timezone(timedelta(hours=1)))).__name__, mdt.astimezone(timezone(timedelta(hours=1))))
print(type(mdt.replace(hour=1)).__name__, type(MyDateTime.fromtimestamp(0, timezone.utc)).__name__, type(MyDateTime.combine(date(2020, 1, 1), time(1))).__name__)
print(type(MyDateTime.fromisoformat("2020-01-01")).__name__, type(MyDateTime.fromordinal(100)).__name__, type(MyDateTime.now()).__name__, MyDateTime.created > 5)
print(type(mdt.date()).__name__, type(mdt.time()).__name__, type(MyTime(1).replace(hour=2)).__name__, repr(MyTime(1, 2, 3)), str(MyTime(4, 5)))

values = [
    date(2024, 2, 28), date.min, date.max,
    time(13, 5, 9, 123456), time(1, tzinfo=timezone.utc), time(1, fold=1), time.max,
    datetime(2021, 3, 14, 1, 59, 26, 535897), datetime(2020, 1, 1, fold=1), datetime.max,
    datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=-5), "EST")),
    timedelta(days=-1, seconds=5), timezone.utc, timezone(timedelta(hours=3)), timezone(timedelta(minutes=-90), "X"),
    mdt, MyTime(3, 4),
]
for v in values:
    results = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        w = pickle.loads(pickle.dumps(v, proto))
        results.append((w == v, type(w) is type(v), getattr(w, "fold", None) == getattr(v, "fold", None)))
    print(repr(v), all(all(r) for r in results), results[0], repr(copy.copy(v)), repr(copy.deepcopy(v)))
print(pickle.loads(pickle.dumps(timezone.utc)) is timezone.utc)
try:
    pickle.loads(pickle.dumps(md))
except TypeError as e:
    # date.__reduce__ passes the state bytes to the subclass's own __new__.
    print("TypeError", e)
print(date(2024, 2, 28).__reduce__(), datetime(2020, 1, 1, fold=1).__reduce_ex__(4), datetime(2020, 1, 1, fold=1).__reduce_ex__(2))
print(time(1, 2, 3, 4, fold=1).__reduce_ex__(4), time(1, tzinfo=timezone.utc).__reduce__())
print(repr(date(b"\x07\xe4\x02\x1c")), repr(datetime(b"\x07\xe4\x81\x01\x00\x00\x00\x00\x00\x05")), repr(time(b"\x81\x02\x03\x00\x00\x07", timezone.utc)))
print(repr(date("\x07\xe4\x02\x1c")), repr(time("\x01\x02\x03\x00\x00\x07")))


class Named(tzinfo):
    def __init__(self, name="N"):
        self.name = name

    def utcoffset(self, d):
        return timedelta(hours=2)

    def tzname(self, d):
        return self.name


n = pickle.loads(pickle.dumps(Named("abc")))
print(type(n).__name__, n.name, n.__reduce__()[0].__name__, datetime(2020, 1, 1, tzinfo=n).isoformat())

print(len({date(2020, 1, 1), date(2020, 1, 1), datetime(2020, 1, 1), time(0), timedelta(0)}))
print(hash(datetime(2020, 1, 1, 12, tzinfo=timezone.utc)) == hash(datetime(2020, 1, 1, 7, tzinfo=timezone(timedelta(hours=-5)))))
print(hash(time(12, tzinfo=timezone.utc)) == hash(time(7, tzinfo=timezone(timedelta(hours=-5)))))
print(hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)))

for bad in [b"\x07\xe4\x00\x1c", b"\x07\xe4\x0d\x1c", b"1995"]:
    try:
        print(date(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    datetime(b"\x01" * 10, "EST")
except Exception as e:
    print(type(e).__name__, e)
