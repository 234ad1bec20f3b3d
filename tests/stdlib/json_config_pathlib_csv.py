import json, tempfile, pathlib, os, shutil, configparser, io, csv
from dataclasses import dataclass, field, fields, asdict
from typing import Any

@dataclass
class ServerCfg:
    host: str = "localhost"
    port: int = 8080
    debug: bool = False
    tags: list[str] = field(default_factory=list)
    limits: dict[str, float] = field(default_factory=dict)

class ConfigError(Exception):
    pass

def load(path: pathlib.Path) -> ServerCfg:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(f"missing config: {path.name}") from e
    except json.JSONDecodeError as e:
        raise ConfigError(f"bad json in {path.name}: {e.msg} (line {e.lineno}, col {e.colno}, pos {e.pos})") from None
    known = {f.name: f.type for f in fields(ServerCfg)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ConfigError(f"unknown keys: {', '.join(unknown)}")
    if "port" in raw and not isinstance(raw["port"], int):
        raise ConfigError(f"port must be int, not {type(raw['port']).__name__}")
    return ServerCfg(**raw)

with tempfile.TemporaryDirectory(prefix="cfgtest") as tmp:
    root = pathlib.Path(tmp)
    (root / "conf.d").mkdir()
    files = {
        "good.json": json.dumps({"host": "0.0.0.0", "port": 9000, "tags": ["a", "b"], "limits": {"rps": 1.5}}),
        "bad.json": '{"host": "x", "port": 80,}',
        "unknown.json": '{"hostname": "x", "colour": 1}',
        "badport.json": '{"port": "80"}',
        "empty.json": "",
        "unicode.json": '{"host": "h\\u00e9st", "tags": ["\\ud83d\\ude00", "ü"]}',
    }
    for name, text in files.items():
        (root / "conf.d" / name).write_text(text, encoding="utf-8")
    for p in sorted((root / "conf.d").glob("*.json")) + [root / "missing.json"]:
        try:
            cfg = load(p)
            print(p.name, "->", cfg)
        except ConfigError as e:
            print(p.name, "!!", e, "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)
    p = root / "conf.d" / "good.json"
    print(p.suffix, p.stem, p.parent.name, p.with_suffix(".bak").name, p.relative_to(root).as_posix(), p.exists(), p.is_dir(), p.stat().st_size)
    print(sorted(x.name for x in (root / "conf.d").iterdir())[:3], [x.name for x in root.rglob("*.json")][:0])
    out = root / "out.json"
    cfg = load(p)
    with out.open("w") as fh:
        json.dump(asdict(cfg), fh, indent=2, sort_keys=True)
        fh.write("\n")
    print(out.read_text())
    print(json.dumps({"float": 1e100, "neg": -0.0, "inf": float("inf"), "nan": float("nan"), "big": 10**30, "t": (1, 2), "none": None}, allow_nan=True))
    for bad in [{"k": {1, 2}}, {(1, 2): 3}, float("nan")]:
        try:
            print(json.dumps(bad, allow_nan=False))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps("é\u2028😀"), json.dumps("é😀", ensure_ascii=False))
    print(json.loads('{"a": [1, 2.5, -3e2, true, null, "\\u00e9"]}', parse_float=str, parse_int=lambda s: int(s) * 10))
    print(json.loads('[1, 2]', object_pairs_hook=None), json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda kv: kv))
    for doc in ['[1, 2', '{"a" 1}', "[1,]", "nul", '"abc', '{"a": 1} x', "NaN", "-Infinity", '"\\x"', "[" + "1," * 3 + "]"]:
        try:
            print(repr(doc), json.loads(doc))
        except json.JSONDecodeError as e:
            print(repr(doc), "JSONDecodeError:", e, e.pos)
    ini = root / "app.ini"
    ini.write_text("[DEFAULT]\nlevel = info\n\n[db]\nhost = db.local\nport = 5432\nratio = 0.75\nenabled = yes\n\n[cache]\nttl = 30\n")
    cp = configparser.ConfigParser()
    cp.read(ini)
    print(cp.sections(), cp["db"]["host"], cp.getint("db", "port"), cp.getfloat("db", "ratio"), cp.getboolean("db", "enabled"), cp["cache"]["level"], dict(cp["cache"]))
    try:
        cp.getint("db", "host")
    except ValueError as e:
        print("ValueError", e)
    try:
        cp["nope"]
    except KeyError as e:
        print("KeyError", e)
    rows = [{"name": "widget", "qty": 3, "price": 2.5}, {"name": "gadget, large", "qty": 10, "price": 0.1}, {"name": 'quote "q"', "qty": 0, "price": 100}]
    csvp = root / "inv.csv"
    with csvp.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["name", "qty", "price"])
        w.writeheader(); w.writerows(rows)
    print(repr(csvp.read_text()))
    with csvp.open(newline="") as fh:
        data = list(csv.DictReader(fh))
    data.sort(key=lambda r: (-int(r["qty"]), r["name"]))
    total = 0.0
    for r in data:
        v = int(r["qty"]) * float(r["price"])
        total += v
        print(f"{r['name']:<16.16}|{int(r['qty']):>5}|{float(r['price']):>8.2f}|{v:>10,.3f}")
    print(f"{'TOTAL':<16}|{'':>5}|{'':>8}|{total:>10,.3f}")
    shutil.copy(csvp, root / "copy.csv")
    print(sorted(os.listdir(root)), (root / "copy.csv").read_bytes() == csvp.read_bytes())
print(root.exists())
