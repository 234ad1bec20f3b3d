//! A canonical text form of a code object tree, identical to what
//! tools/compiler_dump_reference.py prints for python3.11's code objects: every
//! field the compiler decides, co_code disassembled with positions and raw
//! bytes, constants with a repr both sides produce exactly (floats as IEEE
//! bits, non-printable characters escaped, frozensets sorted).

use pyrite_bytecode::code::{local_kind, CodeObject, ConstValue};
use pyrite_bytecode::{cache_entries, exception_table, locations, OPNAMES};
use std::fmt::Write;

fn str_repr(out: &mut String, cps: impl Iterator<Item = u32>) {
    out.push('\'');
    for cp in cps {
        if (0x20..0x7f).contains(&cp) && cp != '\\' as u32 && cp != '\'' as u32 {
            out.push(cp as u8 as char);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", cp);
        }
    }
    out.push('\'');
}

fn name_repr(n: &str) -> String {
    let mut s = String::new();
    str_repr(&mut s, n.chars().map(|c| c as u32));
    s
}

fn const_repr(c: &ConstValue) -> String {
    match c {
        ConstValue::None => "None".into(),
        ConstValue::Bool(true) => "True".into(),
        ConstValue::Bool(false) => "False".into(),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::BigInt(b) => b.to_string(),
        ConstValue::Float(f) => format!("f:{:016x}", f.to_bits()),
        ConstValue::Complex { real, imag } => format!("c:{:016x}:{:016x}", real.to_bits(), imag.to_bits()),
        ConstValue::Str(s) => {
            let mut out = String::new();
            str_repr(&mut out, s.code_points());
            out
        }
        ConstValue::Bytes(b) => {
            let mut out = String::from("b'");
            for x in b.iter() {
                let _ = write!(out, "{:02x}", x);
            }
            out.push('\'');
            out
        }
        ConstValue::Tuple(t) => {
            let mut out = String::from("(");
            for x in t.iter() {
                out.push_str(&const_repr(x));
                out.push_str(", ");
            }
            out.push(')');
            out
        }
        ConstValue::FrozenSet(t) => {
            let mut items: Vec<String> = t.iter().map(const_repr).collect();
            items.sort();
            format!("frozenset({{{}}})", items.join(", "))
        }
        ConstValue::Code(c) => format!("<code {}>", c.qualname),
    }
}

fn opt(v: Option<u32>) -> String {
    v.map_or("-".to_string(), |x| x.to_string())
}

/// Appends the canonical dump of `co` and its nested code objects.
pub fn dump_code(co: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "code {}", name_repr(&co.qualname));
    let _ = writeln!(out, "  name {}", name_repr(&co.name));
    let _ = writeln!(out, "  argcount {} posonly {} kwonly {}", co.argcount, co.posonlyargcount, co.kwonlyargcount);
    let _ = writeln!(out, "  flags 0x{:x}", co.flags);
    let _ = writeln!(out, "  stacksize {}", co.stacksize);
    let _ = writeln!(out, "  firstlineno {}", co.firstlineno);
    let join = |names: Vec<String>| names.join(" ");
    let _ = writeln!(out, "  names {}", join(co.names.iter().map(|n| name_repr(n)).collect()));
    let by_kind = |k: u8| -> Vec<String> {
        co.localsplusnames
            .iter()
            .zip(co.localspluskinds.iter())
            .filter(|(_, kind)| **kind & k != 0)
            .map(|(n, _)| name_repr(n))
            .collect()
    };
    let _ = writeln!(out, "  varnames {}", join(by_kind(local_kind::LOCAL)));
    let _ = writeln!(out, "  cellvars {}", join(by_kind(local_kind::CELL)));
    let _ = writeln!(out, "  freevars {}", join(by_kind(local_kind::FREE)));
    let _ = writeln!(out, "  localsplus {}", join(co.localsplusnames.iter().map(|n| name_repr(n)).collect()));
    let _ = writeln!(out, "  consts");
    for (i, c) in co.consts.iter().enumerate() {
        let _ = writeln!(out, "    {} {}", i, const_repr(c));
    }
    let _ = writeln!(out, "  code");
    let positions = locations::decode(&co.linetable, co.firstlineno);
    let code = &co.code;
    let mut i = 0;
    while i + 1 < code.len() {
        let (opcode, arg) = (code[i], code[i + 1]);
        let n = 2 * (1 + cache_entries(opcode));
        let end = (i + n).min(code.len());
        let raw: String = code[i..end].iter().map(|b| format!("{:02x}", b)).collect();
        let p = positions.get(i / 2).copied().unwrap_or_default();
        let pos = format!("({},{},{},{})", opt(p.lineno), opt(p.end_lineno), opt(p.col), opt(p.end_col));
        let _ = writeln!(out, "    {:4} {:<24} {:3}  {} {}", i, OPNAMES[opcode as usize], arg, pos, raw);
        i += n;
    }
    let hex = |b: &[u8]| b.iter().map(|x| format!("{:02x}", x)).collect::<String>();
    let _ = writeln!(out, "  linetable {}", hex(&co.linetable));
    let _ = writeln!(out, "  exceptiontable {}", hex(&co.exceptiontable));
    for e in exception_table::decode(&co.exceptiontable) {
        let _ = writeln!(
            out,
            "    {}-{}->{} depth={}{}",
            e.start,
            e.end,
            e.target,
            e.depth,
            if e.push_lasti { " lasti" } else { "" }
        );
    }
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            dump_code(inner, out);
        }
    }
}

