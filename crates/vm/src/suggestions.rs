//! "Did you mean: ...?" for uncaught NameError and AttributeError, as
//! CPython 3.11's Python/suggestions.c computes it: the closest candidate by
//! an edit distance where a case flip costs half a substitution.

use crate::exception::{exc_type, ExcKind, ExceptionObject, TracebackObject};
use crate::objects::code::CodeObj;
use crate::objects::str::StrObject;
use crate::typeobj::type_of;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance between two UTF-8 byte strings, or `max_cost + 1` once it
/// is known to exceed `max_cost`.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance matrix, updated in place.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ch) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ch);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if any is close enough.
fn best_match(candidates: &[Value], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(String, usize)> = None;
    for c in candidates {
        let Some(s) = c.downcast_ref::<StrObject>() else {
            continue;
        };
        let item = s.to_string_lossy();
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = &best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.as_ref().map_or(true, |(_, bd)| d < *bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

fn str_attr(vm: &mut Vm, exc: &Value, name: &str) -> Option<Value> {
    let key = vm.intern(name);
    crate::attr::instance_get(exc, &key)
}

/// The suggestion for an uncaught exception (only exact NameError and
/// AttributeError get one, as in CPython 3.11).
pub(crate) fn offer_suggestion(vm: &mut Vm, exc: &Value) -> Option<String> {
    let t = type_of(exc);
    if std::ptr::eq(t, exc_type(ExcKind::AttributeError)) {
        let name = str_attr(vm, exc, "name")?;
        let obj = str_attr(vm, exc, "obj")?;
        if !crate::typeobj::is_exact(&name, &crate::typeobj::STR_TYPE) || obj.is_none() {
            return None;
        }
        let dir = vm.getattr_str(&vm.builtins.clone(), "dir").ok()?;
        let names = vm.call(&dir, &[obj], None).ok()?;
        let names = vm.collect(&names).ok()?;
        return best_match(&names, &name.downcast_ref::<StrObject>()?.to_string_lossy());
    }
    if std::ptr::eq(t, exc_type(ExcKind::NameError)) {
        let name = str_attr(vm, exc, "name")?;
        if !crate::typeobj::is_exact(&name, &crate::typeobj::STR_TYPE) {
            return None;
        }
        let name = name.downcast_ref::<StrObject>()?.to_string_lossy();
        // The innermost traceback entry: where the name was looked up.
        let mut tb = exc.downcast_ref::<ExceptionObject>()?.traceback();
        loop {
            let next = tb.downcast_ref::<TracebackObject>()?.next();
            if next.downcast_ref::<TracebackObject>().is_none() {
                break;
            }
            tb = next;
        }
        let t = tb.downcast_ref::<TracebackObject>()?;
        let code = t.code.downcast_ref::<CodeObj>()?;
        // co_varnames: the plain locals (CO_FAST_LOCAL), arguments included.
        let varnames: Vec<Value> = code
            .localsplusnames
            .iter()
            .zip(code.localspluskinds.iter())
            .filter(|(_, &kind)| kind & 0x20 != 0)
            .map(|(n, _)| n.clone())
            .collect();
        if let Some(s) = best_match(&varnames, &name) {
            return Some(s);
        }
        let globals = crate::frame::frame_globals(&t.frame).or_else(|| module_globals_of(vm, &code.filename));
        if let Some(globals) = globals {
            let keys = vm.collect(&globals).ok()?;
            if let Some(s) = best_match(&keys, &name) {
                return Some(s);
            }
        }
        let builtins = vm.builtins_dict.clone();
        let keys = vm.collect(&builtins).ok()?;
        return best_match(&keys, &name);
    }
    None
}

/// For a traceback level made without a frame object: the dict of the
/// module loaded from the code's file.
fn module_globals_of(vm: &mut Vm, filename: &Value) -> Option<Value> {
    let modules = vm.modules.clone();
    let modules = modules.downcast_ref::<crate::objects::dict::DictObject>()?;
    let key = vm.intern("__file__");
    for (_, m) in modules.items() {
        let Some(module) = m.downcast_ref::<crate::objects::module::ModuleObject>() else {
            continue;
        };
        let dict = module.dict();
        if let Some(f) = dict.get_str(&key) {
            if f.downcast_ref::<StrObject>().is_some() && crate::objects::str::display_lossy(&f) == crate::objects::str::display_lossy(filename) {
                return Some(module.dict_value());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn distances_like_cpython() {
        assert_eq!(levenshtein(b"abc", b"abc", 10), 0);
        assert_eq!(levenshtein(b"abc", b"Abc", 10), 1);
        assert_eq!(levenshtein(b"abc", b"abd", 10), 2);
        assert_eq!(levenshtein(b"abc", b"ab", 10), 2);
        assert_eq!(levenshtein(b"kitten", b"sitting", 100), 6);
        assert_eq!(levenshtein(b"aaaa", b"bbbbbbbb", 3), 4);
    }
}
