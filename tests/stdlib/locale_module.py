# locale over the native _locale: setlocale queries and changes, localeconv,
# nl_langinfo, collation, formatting with the C locale's conventions.
import _locale
import locale

print(locale.setlocale(locale.LC_CTYPE), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12))
print(locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.RADIXCHAR), repr(locale.nl_langinfo(locale.THOUSEP)))
print(locale.nl_langinfo(locale.YESEXPR), locale.nl_langinfo(locale.T_FMT_AMPM), locale.nl_langinfo(_locale._DATE_FMT))
print(locale.getencoding(), locale.getpreferredencoding(False))
print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("abc", "abc"), locale.strxfrm("hello"))
print(sorted(["b", "A", "a", "B"], key=locale.strxfrm))
print(locale.format_string("%d %.2f", (1234567, 1234.5), grouping=True), locale.str(3.25), locale.atof("1.5"), locale.atoi("42"))
print(locale.currency.__name__, locale.getlocale(locale.LC_NUMERIC), locale.normalize("en_US"))
print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_NUMERIC, "POSIX"), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, None))
for args in [(999,), (locale.LC_ALL, "xx_XX.bogus"), (locale.LC_ALL, "a\0b"), ("x",), (locale.LC_ALL, 5), (1.5,)]:
    try:
        print(_locale.setlocale(*args))
    except (locale.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    locale.nl_langinfo(123456)
except ValueError as e:
    print("ValueError", e)
for bad in [("a\0", "b"), (1, "b")]:
    try:
        locale.strcoll(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(locale.Error.__module__, locale.Error.__mro__[1].__name__, _locale.Error is locale.Error)
print(_locale.gettext("hello"), _locale.dgettext(None, "x"), _locale.textdomain(None))
print(_locale.CHAR_MAX, _locale.LC_ALL, _locale.LC_CTYPE)
