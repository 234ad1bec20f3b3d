//! Test driver: runs a code-object tree exported by `tools/vm_export_code.py`
//! (compiled by python3.11 itself) on pyrite's VM, as `__main__`.
//!
//! Usage: run_exported FILE.json
//! Exit status and output follow CPython's (`python3.11 FILE.py`).

use num_bigint::BigInt;
use pyrite_bytecode::code::{CodeObject, ConstValue};
use pyrite_syntax::pystr::PyStr;
use serde_json::Value as Json;
use std::rc::Rc;

fn hex(s: &str) -> Result<Vec<u8>, String> {
    if s.len() % 2 != 0 {
        return Err("odd hex length".into());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}

fn float_from_bits(s: &str) -> Result<f64, String> {
    let b = hex(s)?;
    let arr: [u8; 8] = b.try_into().map_err(|_| "bad float bits".to_string())?;
    Ok(f64::from_be_bytes(arr))
}

fn field<'a>(j: &'a Json, k: &str) -> Result<&'a Json, String> {
    j.get(k).ok_or_else(|| format!("missing field {k}"))
}

fn u32_field(j: &Json, k: &str) -> Result<u32, String> {
    field(j, k)?
        .as_u64()
        .map(|v| v as u32)
        .ok_or_else(|| format!("{k} is not a number"))
}

fn str_field(j: &Json, k: &str) -> Result<Rc<str>, String> {
    field(j, k)?
        .as_str()
        .map(Rc::from)
        .ok_or_else(|| format!("{k} is not a string"))
}

fn str_list(j: &Json, k: &str) -> Result<Vec<Rc<str>>, String> {
    field(j, k)?
        .as_array()
        .ok_or_else(|| format!("{k} is not a list"))?
        .iter()
        .map(|v| {
            v.as_str()
                .map(Rc::from)
                .ok_or_else(|| format!("{k} holds a non-string"))
        })
        .collect()
}

fn constant(j: &Json) -> Result<ConstValue, String> {
    let t = field(j, "t")?.as_str().ok_or("const tag")?;
    let v = j.get("v");
    let list = |v: Option<&Json>| -> Result<Vec<ConstValue>, String> {
        v.and_then(|x| x.as_array())
            .ok_or("const list")?
            .iter()
            .map(constant)
            .collect()
    };
    Ok(match t {
        "none" => ConstValue::None,
        "ellipsis" => ConstValue::Ellipsis,
        "bool" => ConstValue::Bool(v.and_then(|x| x.as_bool()).ok_or("bool")?),
        "int" => {
            let s = v.and_then(|x| x.as_str()).ok_or("int")?;
            match s.parse::<i64>() {
                Ok(i) => ConstValue::Int(i),
                Err(_) => ConstValue::BigInt(Rc::new(s.parse::<BigInt>().map_err(|e| e.to_string())?)),
            }
        }
        "float" => ConstValue::Float(float_from_bits(v.and_then(|x| x.as_str()).ok_or("float")?)?),
        "complex" => ConstValue::Complex {
            real: float_from_bits(field(j, "re")?.as_str().ok_or("re")?)?,
            imag: float_from_bits(field(j, "im")?.as_str().ok_or("im")?)?,
        },
        "str" => {
            let mut s = PyStr::new();
            for cp in v.and_then(|x| x.as_array()).ok_or("str")? {
                let cp = cp.as_u64().ok_or("code point")? as u32;
                if !s.push_code_point(cp) {
                    return Err(format!("bad code point {cp}"));
                }
            }
            ConstValue::Str(Rc::new(s))
        }
        "bytes" => ConstValue::Bytes(hex(v.and_then(|x| x.as_str()).ok_or("bytes")?)?.into()),
        "tuple" => ConstValue::Tuple(list(v)?.into()),
        "frozenset" => ConstValue::FrozenSet(list(v)?.into()),
        "code" => ConstValue::Code(Rc::new(code(v.ok_or("code")?)?)),
        other => return Err(format!("unknown constant tag {other}")),
    })
}

fn code(j: &Json) -> Result<CodeObject, String> {
    Ok(CodeObject {
        argcount: u32_field(j, "argcount")?,
        posonlyargcount: u32_field(j, "posonlyargcount")?,
        kwonlyargcount: u32_field(j, "kwonlyargcount")?,
        flags: u32_field(j, "flags")?,
        stacksize: u32_field(j, "stacksize")?,
        firstlineno: u32_field(j, "firstlineno")?,
        code: hex(field(j, "code")?.as_str().ok_or("code")?)?,
        consts: field(j, "consts")?
            .as_array()
            .ok_or("consts")?
            .iter()
            .map(constant)
            .collect::<Result<_, _>>()?,
        names: str_list(j, "names")?,
        localsplusnames: str_list(j, "localsplusnames")?,
        localspluskinds: hex(field(j, "localspluskinds")?.as_str().ok_or("kinds")?)?,
        filename: str_field(j, "filename")?,
        name: str_field(j, "name")?,
        qualname: str_field(j, "qualname")?,
        linetable: hex(field(j, "linetable")?.as_str().ok_or("linetable")?)?,
        exceptiontable: hex(field(j, "exceptiontable")?.as_str().ok_or("exceptiontable")?)?,
    })
}

fn run(path: &str) -> Result<i32, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let j: Json = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    if j.get("format").and_then(|f| f.as_str()) != Some("pyrite-code-1") {
        return Err(format!("{path}: not a pyrite-code-1 export"));
    }
    let co = code(field(&j, "code")?)?;
    let mut vm = pyrite_vm::Vm::new()?;
    Ok(vm.run_main(Rc::new(co)))
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: run_exported FILE.json");
        std::process::exit(2);
    };
    // Deep recursion in Rust (re-entry from native code) needs a big stack, as the pyrite binary has.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(&path));
    let status = match child.map(|h| h.join()) {
        Ok(Ok(Ok(code))) => code,
        Ok(Ok(Err(msg))) => {
            eprintln!("run_exported: {msg}");
            2
        }
        _ => {
            eprintln!("run_exported: the VM thread failed");
            70
        }
    };
    std::process::exit(status);
}
