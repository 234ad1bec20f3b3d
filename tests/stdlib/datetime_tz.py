# timezone and tzinfo subclasses: offsets, names, astimezone, the
# naive/aware comparison and subtraction rules, fold (PEP 495).
from datetime import datetime, date, time, timedelta, timezone, tzinfo
import datetime as dt

utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
ist = timezone(timedelta(hours=5, minutes=30))
odd = timezone(timedelta(hours=-3, minutes=-7, seconds=-9, microseconds=-11))
for tz in [utc, est, ist, odd, timezone.min, timezone.max, timezone(timedelta(0)), timezone(timedelta(0), "Z")]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.dst(None), tz.tzname(None), tz.__getinitargs__())
print(utc is timezone(timedelta(0)), dt.UTC is utc, est == timezone(timedelta(hours=-5)), est != utc, hash(est) == hash(timezone(timedelta(hours=-5))))
print(est == 1, isinstance(est, tzinfo), timezone.utc.utcoffset(datetime(2000, 1, 1)))

a = datetime(2000, 1, 1, 12, tzinfo=utc)
b = a.astimezone(est)
print(a, b, repr(b), b.tzname(), b.utcoffset(), b.dst(), a == b, hash(a) == hash(b), b - a, a.timestamp(), b.timestamp())
print(a.astimezone(ist), a.astimezone(odd), a.astimezone(utc) is a, b.astimezone(est) is b)
print(a.isoformat(), b.isoformat(sep=" "), a.astimezone(odd).isoformat(), a.astimezone(odd).isoformat(timespec="minutes"))
print(a.timetuple(), b.utctimetuple(), a.astimezone(odd).utctimetuple())
print(datetime.fromtimestamp(946728000, tz=utc), datetime.fromtimestamp(946728000.5, est), datetime.utcfromtimestamp(0))
print(datetime.utcfromtimestamp(1.0000005), datetime.utcfromtimestamp(1.0000015), datetime.utcfromtimestamp(-1.5), datetime.utcfromtimestamp(1e9 + 0.999999))
print(datetime(1970, 1, 1, tzinfo=utc).timestamp(), datetime(2038, 1, 19, 3, 14, 8, tzinfo=utc).timestamp())
print(time(12, tzinfo=est), repr(time(12, tzinfo=est)), time(12, tzinfo=est).utcoffset(), time(12, tzinfo=ist).isoformat())
print(time(12, tzinfo=est) == time(17, tzinfo=utc), time(12, tzinfo=est) < time(16, tzinfo=utc), time(1) == time(1, tzinfo=utc))


class Fixed(tzinfo):
    def __init__(self, minutes, name="FIX"):
        self.off = timedelta(minutes=minutes)
        self.name = name

    def utcoffset(self, d):
        return self.off

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return self.name

    def __repr__(self):
        return f"Fixed({self.off}, {self.name!r})"


f = datetime(2020, 6, 1, 8, 0, tzinfo=Fixed(90))
print(f, repr(f), f.tzname(), f.astimezone(utc), f.strftime("%z %Z %H:%M"), f.utcoffset(), f.dst(), f.timetuple().tm_isdst)
print(f == f.astimezone(utc), f - f.astimezone(est), f.replace(tzinfo=None), f.replace(tzinfo=utc))
print(datetime(2020, 6, 1, 6, 30, tzinfo=utc).astimezone(Fixed(90)), Fixed(60).fromutc(datetime(2020, 1, 1, tzinfo=None).replace(tzinfo=None).replace(tzinfo=Fixed(60))) if False else "skip")
g = Fixed(-45, "G")
print(g.fromutc(datetime(2020, 1, 1, tzinfo=g)), datetime.now(g).tzinfo is g, datetime.fromtimestamp(0, g))


class NoneOffset(tzinfo):
    def utcoffset(self, d):
        return None

    def tzname(self, d):
        return None

    def dst(self, d):
        return None


n = datetime(2020, 1, 1, tzinfo=NoneOffset())
print(n, n.utcoffset(), n.tzname(), n.strftime("[%z][%Z]"), n == datetime(2020, 1, 1), n - datetime(2020, 1, 1))


class Bad(tzinfo):
    def __init__(self, value):
        self.value = value

    def utcoffset(self, d):
        return self.value

    def tzname(self, d):
        return self.value

    def dst(self, d):
        return self.value


# PEP 495: a zone with a fold between 1:00 and 2:00.
class Folding(tzinfo):
    def utcoffset(self, d):
        if d is None:
            return None
        if d.replace(tzinfo=None) >= datetime(2020, 11, 1, 1, 0) and d.replace(tzinfo=None) < datetime(2020, 11, 1, 2, 0):
            return timedelta(hours=-4) if d.fold == 0 else timedelta(hours=-5)
        return timedelta(hours=-5) if d.replace(tzinfo=None) >= datetime(2020, 11, 1, 2) else timedelta(hours=-4)

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return "F"

    def __repr__(self):
        return "Folding()"


fz = Folding()
p = datetime(2020, 11, 1, 1, 30, tzinfo=fz)
q = p.replace(fold=1)
print(p.utcoffset(), q.utcoffset(), p == q, p.astimezone(utc), q.astimezone(utc), repr(q), q.fold, q.time().fold)
print(p == datetime(2020, 11, 1, 1, 30, tzinfo=Folding()), hash(p) == hash(q), q - p, p.timestamp(), q.timestamp())

errors = [
    lambda: timezone(timedelta(hours=24)),
    lambda: timezone(timedelta(hours=-24)),
    lambda: timezone(1),
    lambda: timezone(timedelta(0), 1),
    lambda: timezone(),
    lambda: timezone.utc.utcoffset(1),
    lambda: timezone.utc.fromutc(datetime(2020, 1, 1)),
    lambda: timezone.utc.fromutc(1),
    lambda: tzinfo().utcoffset(None),
    lambda: tzinfo().tzname(None),
    lambda: tzinfo().dst(None),
    lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=utc),
    lambda: datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=utc),
    lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=utc),
    lambda: time(1) < time(1, tzinfo=utc),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(timedelta(days=1))).utcoffset(),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(5)).utcoffset(),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(5)).tzname(),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(5)).isoformat(),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(timedelta(hours=1))).astimezone(utc),
    lambda: datetime(2020, 1, 1, tzinfo=Bad(None)).astimezone(utc).tzinfo,
    lambda: datetime.fromtimestamp(0, 1),
    lambda: datetime.now(tz=1),
    lambda: datetime(2020, 1, 1).astimezone(1),
    lambda: datetime(1, 1, 1, tzinfo=utc).astimezone(est),
    lambda: Fixed(0).fromutc(datetime(2020, 1, 1)),
]
for fn in errors:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)

# timezone.utc is one object in every thread.
import threading

seen = []
th = threading.Thread(target=lambda: seen.append((datetime.fromisoformat("2020-01-01T00:00Z").tzinfo is utc, timezone(timedelta(0)) is utc)))
th.start()
th.join()
print(seen)
