# fromisoformat (every 3.11 form), isoformat round trips, strftime with
# %z %Z %f, __format__, strptime.
from datetime import date, time, datetime, timedelta, timezone
import datetime as dt

for s in ["2023-12-31", "20231231", "2020-W01", "2020W01", "2020-W53-7", "2020W537", "2021-W52-1", "0001-01-01", "9999-12-31",
          "2023-13-01", "2023-02-30", "2023-1-01", "2023/12/31", "", "2023-12-31T", "２０２３-12-31", "2020-W54", "2021-W53", "2020-W01-8"]:
    try:
        print(repr(s), repr(date.fromisoformat(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

for s in ["04:23:01", "04:23:01.000384", "04:23:01,5", "T04:23", "04", "0423", "042301", "04:23:01.1234567", "04:23:01Z", "04:23:01+05:30",
          "04:23:01-05:30:15", "04:23:01+05:30:15.000123", "04:23+0530", "24:00", "04:60", "04:23:01x", "04:23:01+", "04:23:01.", "4:23", "04:23:", "04:23:01Z1"]:
    try:
        print(repr(s), repr(time.fromisoformat(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

for s in ["2011-11-04", "20111104", "2011-11-04T00:05:23", "2011-11-04T00:05:23Z", "20111104T000523", "2011-W01-2T00:05:23.283",
          "2011-11-04 00:05:23.283+00:00", "2011-11-04T00:05:23+04:00", "2011-11-04x00:05", "2011-11-04\u00e900:05", "2011-11-04T24:00",
          "2011-11-04T00:05:23.283-23:59:59.999999", "2011-11-04T00:05:23+24:00", "2011-11", "2011-11-0", "2011W0102", "2011W010203",
          "2011-W01-02", "2011-11-04T", "2011-11-04T1", "2011-11-04T12:3", "2011-11-04T12:30:45.123456789"]:
    try:
        print(repr(s), repr(datetime.fromisoformat(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

utc = timezone.utc
samples = [datetime(1, 1, 1), datetime(2021, 3, 14, 1, 59, 26, 535897), datetime(2000, 2, 29, 23, 0, tzinfo=timezone(timedelta(hours=-3, seconds=-1))),
           datetime(2000, 1, 1, tzinfo=utc), datetime(2000, 1, 1, 0, 0, 0, 5, tzinfo=timezone(timedelta(microseconds=-1)))]
for x in samples:
    print(x.isoformat(), datetime.fromisoformat(x.isoformat()) == x, str(x), x.date().isoformat(), x.time().isoformat(), x.timetz().isoformat())

x = datetime(2021, 3, 4, 1, 9, 6, 5001)
print(x.strftime("%Y-%m-%dT%H:%M:%S.%f %p %I %a %A %b %B %j %U %W %w %y %% %z|%Z|"), format(x, "%d/%m/%y"), f"{x:%H%M}", f"{x}", format(x, ""))
print(x.strftime("%"), x.strftime("%%f %%z"), x.strftime("%f%f"), x.strftime(""), x.strftime("%Y\u00e9%m"))
a = datetime(2021, 3, 4, 1, 9, 6, tzinfo=timezone(timedelta(hours=5, minutes=30), "I%ST"))
print(a.strftime("%z %Z %Z"), a.strftime("%H:%M %%Z=%Z"), format(a, "%z"), f"{a.timetz():%H %z %Z}")
print(date(2021, 3, 4).strftime("%Y %m %d %H %M %S %f %z %Z|"), format(date(2021, 3, 4), "%A"), f"{date(2021, 3, 4)}")
print(time(1, 2, 3, 4).strftime("%H:%M:%S.%f %Y %j %z"), format(time(1, 2), "%I %p"), f"{time(1, 2):}")
print(date(1, 2, 3).strftime("%Y"), date(999, 1, 1).strftime("%Y-%m-%d"))
print(datetime.strptime("21/11/06 16:30", "%d/%m/%y %H:%M"), datetime.strptime("2020-01-02T03:04:05.678+0100", "%Y-%m-%dT%H:%M:%S.%f%z"))
print(repr(datetime.strptime("2020 12", "%Y %j")), repr(datetime.strptime("Mon Feb  3 04:05:06 2020", "%c")))

class D(datetime):
    pass

print(repr(D.strptime("2020", "%Y")), repr(D.fromisoformat("2020-01-01T01:02:03")), type(D.fromisoformat("2020-01-01")).__name__)

errors = [
    lambda: datetime.strptime("2020", "%d"),
    lambda: datetime.strptime("x", "%Y"),
    lambda: datetime.strptime(1, "%Y"),
    lambda: datetime.strptime("2020", 1),
    lambda: date.fromisoformat(1),
    lambda: datetime.fromisoformat(None),
    lambda: time.fromisoformat(b"01:02"),
    lambda: x.strftime(1),
    lambda: x.strftime(),
    lambda: format(x, 1),
    lambda: x.__format__(1),
    lambda: date(2020, 1, 1).strftime(b"%Y"),
]
for fn in errors:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
