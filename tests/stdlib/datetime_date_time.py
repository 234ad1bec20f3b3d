# date, time and datetime fields, constructors, calendar methods and the
# naive arithmetic and comparison rules.
from datetime import date, time, datetime, timedelta, MINYEAR, MAXYEAR
import datetime as dt

for y, m, d in [(1, 1, 1), (2000, 2, 29), (1900, 3, 1), (2023, 12, 31), (2024, 1, 1), (9999, 12, 31), (2020, 12, 28), (2021, 1, 3)]:
    x = date(y, m, d)
    print(repr(x), x, x.toordinal(), x.weekday(), x.isoweekday(), x.isocalendar(), tuple(x.isocalendar()),
          x.isocalendar().week, x.ctime(), x.timetuple(), x.timetuple().tm_yday)
    print(date.fromordinal(x.toordinal()) == x, date.fromisocalendar(*x.isocalendar()) == x)

d = date(2024, 2, 28)
print(d.year, d.month, d.day, d.replace(day=1), d.replace(year=2023, month=3), date.min, date.max, date.resolution)
print(d + timedelta(days=1), d + timedelta(days=2), timedelta(days=-60) + d, d - timedelta(days=365), d - date(2000, 1, 1))
print(d + timedelta(hours=47), d - timedelta(seconds=1), d - d, date(2024, 3, 1) - d)
print(d == date(2024, 2, 28), d < date(2024, 2, 29), d >= date(1, 1, 1), d != 3, d == "2024-02-28")
print(sorted({date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)}), max(d, date(2030, 1, 1)))
print(date(2020, month=5, day=17), date(day=1, month=2, year=3), date(True, 1, 1))

t = time(13, 5, 9, 123456)
print(repr(t), t, repr(time()), repr(time(1)), repr(time(1, 2)), repr(time(1, 2, 3)), time.min, time.max, time.resolution)
print(t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, t.replace(hour=1), t.replace(microsecond=0), repr(time(fold=1)))
print(t < time(14), t == time(13, 5, 9, 123456), t != time(0), bool(time(0)), hash(t) == hash(time(13, 5, 9, 123456)))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, t.isoformat(spec), time(1, 2, 3).isoformat(timespec=spec), time(1).isoformat(spec))

x = datetime(2021, 3, 14, 1, 59, 26, 535897)
print(repr(x), x, x.date(), x.time(), x.timetz(), repr(datetime(2020, 1, 1)), repr(datetime(2020, 1, 1, 0, 0, 5)), repr(datetime(2020, 1, 1, fold=1)))
print(x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond, x.tzinfo, x.fold)
print(x.toordinal(), x.weekday(), x.isocalendar(), x.ctime(), x.timetuple(), x.utctimetuple())
print(x.replace(year=2000), x.replace(microsecond=0, second=0), datetime.combine(date(2000, 1, 2), time(3, 4)))
print(datetime.combine(d, t), datetime.min, datetime.max, datetime.resolution, datetime.fromordinal(738000))
print(x + timedelta(hours=23, minutes=1), x - timedelta(days=400, microseconds=1), timedelta(seconds=-1) + x)
print(x - datetime(2020, 1, 1), datetime(2020, 1, 1) - x, (x - datetime(2020, 1, 1)).total_seconds())
print(x == datetime(2021, 3, 14, 1, 59, 26, 535897), x < datetime(2021, 3, 14, 2), x == x.date(), x != x.date())
print(isinstance(x, date), issubclass(datetime, date), x.date() == date(2021, 3, 14))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, x.isoformat(timespec=spec), x.isoformat(" ", spec), datetime(2020, 1, 1).isoformat(timespec=spec))
print(x.isoformat("x"), x.isoformat(sep="\u00e9"))
print(MINYEAR, MAXYEAR, dt.MINYEAR, dt.MAXYEAR, dt.date.__module__, dt.timezone.__module__, dt.IsoCalendarDate.__name__ if hasattr(dt, "IsoCalendarDate") else "")
print(type(date.today()).__name__, type(datetime.now()).__name__, type(datetime.utcnow()).__name__, type(datetime.today()).__name__)

errors = [
    lambda: date(2023, 2, 29),
    lambda: date(0, 1, 1),
    lambda: date(10000, 1, 1),
    lambda: date(2020, 0, 1),
    lambda: date(2020, 4, 31),
    lambda: date(2020, 1, 0),
    lambda: date(2020, "1", 1),
    lambda: date(2020.0, 1, 1),
    lambda: date(2**40, 1, 1),
    lambda: date(-2**40, 1, 1),
    lambda: date(2**70, 1, 1),
    lambda: date(),
    lambda: date(1, 2),
    lambda: date(1, 2, 3, 4),
    lambda: date(1, 2, x=3),
    lambda: date(1, 2, 3, year=1),
    lambda: time(24),
    lambda: time(0, 60),
    lambda: time(0, 0, 60),
    lambda: time(0, 0, 0, 1000000),
    lambda: time(-1),
    lambda: time(fold=2),
    lambda: time(1, 2, 3, 4, None, 0),
    lambda: time(tzinfo=1),
    lambda: datetime(2020, 13, 1),
    lambda: datetime(2020, 1, 1, 24),
    lambda: datetime(2020, 1, 1, tzinfo="utc"),
    lambda: datetime(2020, 1),
    lambda: datetime(1, 2, 3, 4, 5, 6, 7, None, 0),
    lambda: date.max + timedelta(days=1),
    lambda: date.min - timedelta(days=1),
    lambda: datetime.max + timedelta(microseconds=1),
    lambda: datetime.min - timedelta(microseconds=1),
    lambda: date(2020, 1, 1) + 1,
    lambda: date(2020, 1, 1) - 1,
    lambda: 1 + date(2020, 1, 1),
    lambda: date(2020, 1, 1) < 1,
    lambda: date(2020, 1, 1) < datetime(2020, 1, 1),
    lambda: datetime(2020, 1, 1) > date(2020, 1, 1),
    lambda: datetime(2020, 1, 1) - date(2020, 1, 1),
    lambda: date(2020, 1, 1) - datetime(2020, 1, 1),
    lambda: date(2020, 1, 1) + date(2020, 1, 1),
    lambda: time(1) + timedelta(1),
    lambda: time(1) < 1,
    lambda: date.fromordinal(0),
    lambda: date.fromordinal(10**7),
    lambda: date.fromisocalendar(2020, 54, 1),
    lambda: date.fromisocalendar(2020, 53, 1),
    lambda: date.fromisocalendar(2020, 0, 1),
    lambda: date.fromisocalendar(10000, 1, 1),
    lambda: date.fromisocalendar(2020, 1, 8),
    lambda: date.fromisocalendar(2020, 1, 2**40),
    lambda: date(2020, 1, 1).replace(month=13),
    lambda: date(2020, 1, 1).replace(x=1),
    lambda: datetime(2020, 1, 1).replace(1, 1, 1, 1, 1, 1, 1, None, 1),
    lambda: datetime(2020, 1, 1).replace(fold=3),
    lambda: datetime.combine(1, time()),
    lambda: datetime.combine(date(2020, 1, 1), 2),
    lambda: datetime(2020, 1, 1).isoformat("ab"),
    lambda: datetime(2020, 1, 1).isoformat(timespec="days"),
    lambda: time(1).isoformat("x"),
    lambda: date(2020, 1, 1).weekday(1),
    lambda: date.today(1),
    lambda: time(1).utcoffset(1),
]
for fn in errors:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
