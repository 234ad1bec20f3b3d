# Overview of the datetime module: reprs, arithmetic, formatting and error
# messages of the C implementation (_datetime), which Lib/datetime.py uses.
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.isoformat(), d.weekday(), d.isoweekday())
print(d.isocalendar(), d.toordinal(), date.fromordinal(d.toordinal()), d.replace(month=3), d.ctime())
print(date.fromisoformat("2023-12-31"), date(2023, 12, 31).strftime("%A %d %B %Y %j %U"), date.min, date.max)
t = time(13, 5, 9, 123456)
print(t, repr(t), t.isoformat(timespec="milliseconds"), t.replace(hour=1), time.fromisoformat("04:23:01.000384"))
x = datetime(2021, 3, 14, 1, 59, 26, 535897)
print(x, repr(x), x.date(), x.time(), x.timestamp() if x.tzinfo else "naive")
print(x.strftime("%Y-%m-%dT%H:%M:%S.%f %p %I %a %b %%"), format(x, "%d/%m/%y"), f"{x:%H%M}")
print(x + timedelta(hours=23, minutes=1), x - datetime(2020, 1, 1), (x - datetime(2020, 1, 1)).total_seconds())
print(datetime.fromisoformat("2011-11-04T00:05:23+04:00"), datetime.strptime("21/11/06 16:30", "%d/%m/%y %H:%M"))
td = timedelta(days=-1, seconds=5, microseconds=-1)
print(td, repr(td), td.days, td.seconds, td.microseconds, abs(td), -td, td * 3, td / 2, td // 2, timedelta(hours=25))
print(timedelta(weeks=1) / timedelta(days=1), timedelta(days=7) % timedelta(days=2), divmod(timedelta(days=7), timedelta(days=2)))
print(timedelta(seconds=0.5), timedelta(milliseconds=1.5), timedelta.max, timedelta.min, timedelta.resolution)
utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
a = datetime(2000, 1, 1, 12, tzinfo=utc)
print(a, a.astimezone(est), a.astimezone(est).tzname(), a.utcoffset(), est, repr(est), timezone(timedelta(hours=5, minutes=30)))
print(a.timestamp(), datetime.fromtimestamp(946728000, tz=utc), datetime.utcfromtimestamp(0), a == a.astimezone(est))
print(a.isoformat(), a.astimezone(est).isoformat(sep=" "), a.timetuple()[:6], a.utctimetuple().tm_yday)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), max(x, datetime(2030, 1, 1)))
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), {d: 1}[date(2024, 2, 28)])


class Fixed(dt.tzinfo):
    def __init__(self, minutes):
        self.off = timedelta(minutes=minutes)

    def utcoffset(self, d):
        return self.off

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return "FIX"


f = datetime(2020, 6, 1, 8, 0, tzinfo=Fixed(90))
print(f, f.tzname(), f.astimezone(utc), f.strftime("%z %Z"))

errors = [
    lambda: date(2023, 2, 29),
    lambda: date(0, 1, 1),
    lambda: time(24, 0),
    lambda: datetime(2020, 13, 1),
    lambda: timedelta(days=10**9),
    lambda: date.fromisoformat("2023-13-01"),
    lambda: datetime.strptime("2020", "%d"),
    lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=utc),
    lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=utc),
    lambda: date(2020, 1, 1) + 1,
    lambda: timezone(timedelta(hours=24)),
    lambda: date(2020, "1", 1),
]
for fn in errors:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
print(dt.MINYEAR, dt.MAXYEAR, date.resolution, dt.UTC is utc)
