# zipfile in memory: stored and deflated members, reading back, metadata.
import io
import zipfile

data = b"".join(b"row %04d,%s\n" % (i, b"v" * (i % 13)) for i in range(1500))
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr(zipfile.ZipInfo("stored.txt", (2021, 5, 6, 7, 8, 10)), b"plain stored member")
    info = zipfile.ZipInfo("deflated.csv", (2022, 1, 2, 3, 4, 6))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)
    info9 = zipfile.ZipInfo("dir/level9.bin", (2020, 12, 31, 23, 59, 58))
    z.writestr(info9, data[:5000], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    z.comment = b"archive comment"
raw = buf.getvalue()
print(len(raw), raw[:4], zipfile.is_zipfile(io.BytesIO(raw)))
import zlib
print(zlib.crc32(raw))
with zipfile.ZipFile(io.BytesIO(raw)) as z:
    print(z.namelist(), z.comment, z.testzip())
    for i in z.infolist():
        print(i.filename, i.file_size, i.compress_size, i.CRC, i.compress_type, i.date_time)
    print(z.read("deflated.csv") == data, z.read("dir/level9.bin") == data[:5000], z.read("stored.txt"))
    with z.open("deflated.csv") as f:
        print(f.readline(), f.read(20))
with zipfile.ZipFile(io.BytesIO(raw), "a") as z:
    z.writestr(zipfile.ZipInfo("added.txt", (2023, 1, 1, 0, 0, 0)), b"appended")
try:
    zipfile.ZipFile(io.BytesIO(b"not a zip"))
except zipfile.BadZipFile as e:
    print("BadZipFile", e)
