//! Printing an uncaught exception as CPython 3.11 does (`Python/pythonrun.c`
//! and `Python/traceback.c`): chained causes and contexts, traceback entries
//! with their source line and PEP 657 carets (with the `~~^~~` anchors of
//! binary operators and subscripts), repeated-line folding, notes.

use crate::exception::{ExceptionObject, TracebackObject};
use crate::objects::code::CodeObj;
use crate::objects::list::ListObject;
use crate::objects::str::{display_lossy, StrObject};
use crate::typeobj::type_of;
use crate::value::Value;
use crate::vm::Vm;

const TB_RECURSIVE_CUTOFF: usize = 3;
const INDENT: usize = 4;

pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen: Vec<u64> = Vec::new();
    print_recursive(vm, exc, &mut out, &mut seen, 0);
    out
}

fn print_recursive(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<u64>, depth: usize) {
    seen.push(exc.bits());
    if let Some(e) = exc.downcast_ref::<ExceptionObject>() {
        if depth < 100 {
            let cause = e.cause();
            if !cause.is_null() && !cause.is_none() {
                if !seen.contains(&cause.bits()) {
                    print_recursive(vm, &cause, out, seen, depth + 1);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                }
            } else if !e.suppress_context.get() {
                let ctx = e.context();
                if !ctx.is_null() && !ctx.is_none() && !seen.contains(&ctx.bits()) {
                    print_recursive(vm, &ctx, out, seen, depth + 1);
                    out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                }
            }
        }
        let tb = e.traceback();
        if !tb.is_null() && !tb.is_none() {
            out.push_str("Traceback (most recent call last):\n");
            print_tb(&tb, out);
        }
    }
    print_exception_only(vm, exc, out);
}

fn print_tb(tb: &Value, out: &mut String) {
    let mut entries: Vec<(Value, u32)> = Vec::new();
    let mut cur = tb.clone();
    while let Some(t) = cur.downcast_ref::<TracebackObject>() {
        entries.push((t.code.clone(), t.lasti));
        let next = t.next();
        cur = next;
    }
    let mut last: Option<(u64, Option<u32>, u64)> = None;
    let mut cnt = 0usize;
    for (code, lasti) in &entries {
        let Some(c) = code.downcast_ref::<CodeObj>() else {
            continue;
        };
        let line = c.line_of(*lasti);
        let key = (c.filename.bits(), line, c.name.bits());
        if last != Some(key) || line.is_none() {
            if cnt > TB_RECURSIVE_CUTOFF {
                repeated(out, cnt);
            }
            last = Some(key);
            cnt = 0;
        }
        cnt += 1;
        if cnt <= TB_RECURSIVE_CUTOFF {
            display_line(c, *lasti, out);
        }
    }
    if cnt > TB_RECURSIVE_CUTOFF {
        repeated(out, cnt);
    }
}

fn repeated(out: &mut String, cnt: usize) {
    let n = cnt - TB_RECURSIVE_CUTOFF;
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

fn display_line(c: &CodeObj, lasti: u32, out: &mut String) {
    let filename = display_lossy(&c.filename);
    let pos = c.position_of(lasti);
    let lineno = pos.and_then(|p| p.lineno);
    let lineno_text = match lineno {
        Some(l) => l as i64,
        None => -1,
    };
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        filename,
        lineno_text,
        display_lossy(&c.name)
    ));
    let Some(lineno) = lineno else { return };
    if filename.starts_with('<') && filename.ends_with('>') {
        return;
    }
    let Some(source_line) = read_line(&filename, lineno) else {
        return;
    };
    let chars: Vec<char> = source_line.chars().collect();
    let lead = chars
        .iter()
        .take_while(|&&ch| ch == ' ' || ch == '\t' || ch == '\x0c')
        .count();
    let stripped: String = chars[lead..].iter().collect();
    out.push_str("    ");
    out.push_str(&stripped);
    out.push('\n');
    let Some(p) = pos else { return };
    let (Some(start_line), Some(end_line), Some(start_col), Some(end_col)) = (p.lineno, p.end_lineno, p.col, p.end_col)
    else {
        return;
    };
    let Some(mut start_offset) = byte_to_char(&source_line, start_col as usize) else {
        return;
    };
    let Some(mut end_offset) = byte_to_char(&source_line, end_col as usize) else {
        return;
    };
    let mut anchors: Option<(usize, usize)> = None;
    if start_line == end_line {
        if start_offset <= end_offset && end_offset <= chars.len() {
            let segment: String = chars[start_offset..end_offset].iter().collect();
            if let Some((l, r)) = extract_anchors(&segment) {
                anchors = Some((l + start_offset, r + start_offset));
            }
        }
    } else {
        let mut i = chars.len();
        while i > 0 && matches!(chars[i - 1], ' ' | '\t' | '\x0c') {
            i -= 1;
        }
        end_offset = i;
    }
    let stripped_len = chars.len() - lead;
    if end_offset.saturating_sub(start_offset) == stripped_len && anchors.is_none() {
        return;
    }
    if start_offset > end_offset {
        start_offset = end_offset;
    }
    // Columns start_offset..end_offset of the original line, shifted for the re-indentation.
    let truncation = lead as i64 - INDENT as i64;
    let mut offset = truncation;
    let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
    let (left_end, right_start) = anchors.map_or((-1i64, -1i64), |(l, r)| (l as i64, r as i64));
    let special = anchors.is_some();
    loop {
        offset += 1;
        if offset > end_offset as i64 {
            break;
        }
        let ch = if offset <= start_offset as i64 {
            ' '
        } else if special && left_end < offset && offset <= right_start {
            secondary
        } else {
            primary
        };
        out.push(ch);
    }
    out.push('\n');
}

fn byte_to_char(line: &str, byte: usize) -> Option<usize> {
    let b = line.as_bytes();
    if byte > b.len() {
        return Some(line.chars().count() + (byte - b.len()));
    }
    Some(String::from_utf8_lossy(&b[..byte]).chars().count())
}

/// Line `lineno` (1-based) of a file, without its newline, decoded as UTF-8.
fn read_line(filename: &str, lineno: u32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&data);
    // Universal newlines: \r\n and \r end lines too.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    normalized
        .split('\n')
        .nth(lineno.checked_sub(1)? as usize)
        .map(|s| s.to_string())
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Operand,
    Op(String),
    Open(char),
    Close(char),
    Keyword(String),
    Other,
}

/// Character-offset tokens of a segment; None when it cannot be scanned.
fn scan(seg: &[char]) -> Option<Vec<(usize, usize, Tok)>> {
    let mut toks = Vec::new();
    let mut i = 0;
    let n = seg.len();
    while i < n {
        let c = seg[i];
        if c == ' ' || c == '\t' || c == '\x0c' {
            i += 1;
            continue;
        }
        if c == '\\' || c == '#' || c == '\n' {
            return None;
        }
        let start = i;
        if c.is_alphabetic() || c == '_' {
            while i < n && (seg[i].is_alphanumeric() || seg[i] == '_') {
                i += 1;
            }
            let word: String = seg[start..i].iter().collect();
            // String prefix?
            if i < n
                && (seg[i] == '\'' || seg[i] == '"')
                && word.len() <= 2
                && word.chars().all(|ch| "rRbBfFuU".contains(ch))
            {
                i = scan_string(seg, i)?;
                toks.push((start, i, Tok::Operand));
                continue;
            }
            const KW: &[&str] = &[
                "if", "else", "lambda", "or", "and", "not", "in", "is", "for", "async", "await", "yield", "return",
                "del", "pass", "import", "from", "as", "with", "while", "def", "class", "raise", "assert", "global",
                "nonlocal", "try", "except", "finally", "break", "continue", "elif",
            ];
            if KW.contains(&word.as_str()) {
                toks.push((start, i, Tok::Keyword(word)));
            } else {
                toks.push((start, i, Tok::Operand));
            }
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && i + 1 < n && seg[i + 1].is_ascii_digit()) {
            while i < n {
                let d = seg[i];
                if d.is_ascii_alphanumeric() || d == '.' || d == '_' {
                    // Exponent sign belongs to the number.
                    if (d == 'e' || d == 'E')
                        && i + 1 < n
                        && (seg[i + 1] == '+' || seg[i + 1] == '-')
                        && !seg[start..i].iter().any(|&x| x == 'x' || x == 'X')
                    {
                        i += 2;
                        continue;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push((start, i, Tok::Operand));
            continue;
        }
        if c == '\'' || c == '"' {
            i = scan_string(seg, i)?;
            toks.push((start, i, Tok::Operand));
            continue;
        }
        if "([{".contains(c) {
            toks.push((i, i + 1, Tok::Open(c)));
            i += 1;
            continue;
        }
        if ")]}".contains(c) {
            toks.push((i, i + 1, Tok::Close(c)));
            i += 1;
            continue;
        }
        const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "..."];
        const OPS2: &[&str] = &[
            "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=",
            "^=",
        ];
        let rest: String = seg[i..n.min(i + 3)].iter().collect();
        if let Some(op) = OPS3.iter().find(|o| rest.starts_with(*o)) {
            toks.push((
                i,
                i + 3,
                if *op == "..." {
                    Tok::Operand
                } else {
                    Tok::Op(op.to_string())
                },
            ));
            i += 3;
            continue;
        }
        if let Some(op) = OPS2.iter().find(|o| rest.starts_with(*o)) {
            toks.push((i, i + 2, Tok::Op(op.to_string())));
            i += 2;
            continue;
        }
        if "+-*/%@&|^~<>=.,:;!".contains(c) {
            toks.push((i, i + 1, Tok::Op(c.to_string())));
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        toks.push((i, i + 1, Tok::Other));
        i += 1;
    }
    Some(toks)
}

fn scan_string(seg: &[char], mut i: usize) -> Option<usize> {
    let q = seg[i];
    let n = seg.len();
    let triple = i + 2 < n && seg[i + 1] == q && seg[i + 2] == q;
    if triple {
        i += 3;
        while i + 2 < n {
            if seg[i] == '\\' {
                i += 2;
                continue;
            }
            if seg[i] == q && seg[i + 1] == q && seg[i + 2] == q {
                return Some(i + 3);
            }
            i += 1;
        }
        return None;
    }
    i += 1;
    while i < n {
        if seg[i] == '\\' {
            i += 2;
            continue;
        }
        if seg[i] == q {
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

fn binop_precedence(op: &str) -> Option<u8> {
    Some(match op {
        "|" => 1,
        "^" => 2,
        "&" => 3,
        "<<" | ">>" => 4,
        "+" | "-" => 5,
        "*" | "/" | "//" | "%" | "@" => 6,
        "**" => 8,
        _ => return None,
    })
}

/// The (left, right) character anchors CPython 3.11 derives from the AST of
/// the segment: the operator of a top-level BinOp, or `[slice]` of a Subscript.
fn extract_anchors(segment: &str) -> Option<(usize, usize)> {
    let seg: Vec<char> = segment.chars().collect();
    let toks = scan(&seg)?;
    if toks.is_empty() {
        return None;
    }
    // Depth of each token; brackets must balance.
    let mut depth = 0i32;
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    for (k, (_, _, t)) in toks.iter().enumerate() {
        match t {
            Tok::Open(c) => {
                if depth == 0 {
                    top.push(k);
                }
                stack.push(*c);
                depth += 1;
            }
            Tok::Close(c) => {
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(want) {
                    return None;
                }
                depth -= 1;
                if depth == 0 {
                    top.push(k);
                }
            }
            _ => {
                if depth == 0 {
                    top.push(k);
                }
            }
        }
    }
    if depth != 0 {
        return None;
    }
    let ends_operand = |k: usize| matches!(toks[k].2, Tok::Operand | Tok::Close(_));
    // Anything but operands, brackets and binary/unary operators at top level
    // means the statement is not a bare BinOp/Subscript expression.
    let mut binops: Vec<(usize, u8)> = Vec::new();
    let mut prev: Option<usize> = None;
    for &k in &top {
        match &toks[k].2 {
            Tok::Keyword(_) | Tok::Other => return None,
            Tok::Op(op) => {
                if op == "." {
                    prev = Some(k);
                    continue;
                }
                let binary = prev.is_some_and(ends_operand);
                match binop_precedence(op) {
                    Some(p) if binary => binops.push((k, p)),
                    _ if !binary && matches!(op.as_str(), "+" | "-" | "~") => {}
                    _ => return None,
                }
            }
            _ => {}
        }
        prev = Some(k);
    }
    let starts_unary = matches!(&toks[top[0]].2, Tok::Op(op) if op == "+" || op == "-" || op == "~");
    if let Some(min) = binops.iter().map(|&(_, p)| p).min() {
        if min == 8 && starts_unary {
            return None;
        }
        let pick = if min == 8 {
            binops.iter().find(|&&(_, p)| p == min)
        } else {
            binops.iter().rev().find(|&&(_, p)| p == min)
        };
        let &(k, _) = pick?;
        return Some((toks[k].0, toks[k].1));
    }
    // Subscript: value[slice] with the last top-level token the closing ']'.
    if starts_unary {
        return None;
    }
    let last = *top.last()?;
    if toks[last].2 != Tok::Close(']') {
        return None;
    }
    // Find the matching '[' (the previous top-level entry is its opener).
    let open_pos = top.iter().rposition(|&k| k == last)?;
    let open_k = *top.get(open_pos.checked_sub(1)?)?;
    if toks[open_k].2 != Tok::Open('[') {
        return None;
    }
    if open_k == 0 || !ends_operand(open_k - 1) {
        return None;
    }
    let value_end = toks[open_k - 1].1;
    let slice_last = toks.get(last - 1)?;
    if last - 1 == open_k {
        return None;
    }
    Some((value_end, slice_last.1 + 1))
}

/// For a SyntaxError carrying `filename` and an int `lineno`: the
/// `  File ..., line N` block with the text and carets, and the `msg`.
fn syntax_error_location(vm: &mut Vm, exc: &Value) -> Option<(String, Value)> {
    use crate::exception::{exc_type, ExcKind};
    let t = type_of(exc);
    if !t.is_subtype(exc_type(ExcKind::SyntaxError)) {
        return None;
    }
    let get = |vm: &mut Vm, name: &str| {
        let key = vm.intern(name);
        crate::attr::instance_get(exc, &key)
    };
    let int_of = |v: Option<Value>| v.and_then(|v| v.as_small_int());
    let lineno = int_of(get(vm, "lineno"))?;
    let filename = get(vm, "filename").filter(|f| f.downcast_ref::<StrObject>().is_some())?;
    let msg = get(vm, "msg").filter(|m| m.downcast_ref::<StrObject>().is_some())?;
    let kind = if t.is_subtype(exc_type(ExcKind::TabError)) {
        pyrite_syntax::SyntaxErrorKind::TabError
    } else if t.is_subtype(exc_type(ExcKind::IndentationError)) {
        pyrite_syntax::SyntaxErrorKind::IndentationError
    } else {
        pyrite_syntax::SyntaxErrorKind::SyntaxError
    };
    let err = pyrite_syntax::SyntaxError {
        kind,
        msg: String::new(),
        lineno: u32::try_from(lineno).ok()?,
        offset: int_of(get(vm, "offset")).unwrap_or(0),
        end_lineno: int_of(get(vm, "end_lineno")).and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
        end_offset: int_of(get(vm, "end_offset")).unwrap_or(0),
        text: get(vm, "text").filter(|t| t.downcast_ref::<StrObject>().is_some()).map(|t| display_lossy(&t)),
    };
    let shown = err.display(&display_lossy(&filename));
    // Everything but the final `Kind` line, which the caller writes with the class's name.
    let trimmed = shown.trim_end_matches('\n');
    let location = match trimmed.rfind('\n') {
        Some(i) => trimmed[..=i].to_string(),
        None => String::new(),
    };
    Some((location, msg))
}

fn print_exception_only(vm: &mut Vm, exc: &Value, out: &mut String) {
    let t = type_of(exc);
    let qualname = display_lossy(t.qualname());
    let module = crate::types::object_ty::type_module_name(t);
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") => qualname,
        Some(m) => format!("{m}.{qualname}"),
        None => format!("<unknown>.{qualname}"),
    };
    // A SyntaxError with a location prints that location and its `msg`
    // (pythonrun.c's print_exception_file_and_line).
    let syntax = syntax_error_location(vm, exc);
    if let Some((location, _)) = &syntax {
        out.push_str(location);
    }
    let text = match syntax.map(|(_, msg)| msg).map_or_else(|| vm.str(exc), Ok) {
        Ok(s) => s
            .downcast_ref::<StrObject>()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if text.is_empty() {
        out.push_str(&name);
    } else {
        out.push_str(&name);
        out.push_str(": ");
        out.push_str(&text);
    }
    out.push('\n');
    // PEP 678 notes.
    let key = vm.intern("__notes__");
    if let Some(notes) = crate::attr::instance_get(exc, &key) {
        if let Some(l) = notes.downcast_ref::<ListObject>() {
            for n in l.to_vec() {
                match n.downcast_ref::<StrObject>() {
                    Some(s) => out.push_str(&s.to_string_lossy()),
                    None => match vm.str(&n) {
                        Ok(s) => out.push_str(&display_lossy(&s)),
                        Err(_) => out.push_str("<note str() failed>"),
                    },
                }
                out.push('\n');
            }
        } else {
            match vm.repr_string(&notes) {
                Ok(r) => out.push_str(&r),
                Err(_) => out.push_str("<__notes__ repr() failed>"),
            }
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::extract_anchors;

    #[test]
    fn anchors_like_cpython() {
        assert_eq!(extract_anchors("a + b + c"), Some((6, 7)));
        assert_eq!(extract_anchors("1/0"), Some((1, 2)));
        assert_eq!(extract_anchors("a // b"), Some((2, 4)));
        assert_eq!(extract_anchors("a + b * c"), Some((2, 3)));
        assert_eq!(extract_anchors("a ** b ** c"), Some((2, 4)));
        assert_eq!(extract_anchors("-a ** b"), None);
        assert_eq!(extract_anchors("-a + b"), Some((3, 4)));
        assert_eq!(extract_anchors("x[1]"), Some((1, 4)));
        assert_eq!(extract_anchors("f(x)[a:b]"), Some((4, 9)));
        assert_eq!(extract_anchors("[1, 2]"), None);
        assert_eq!(extract_anchors("f(a + b)"), None);
        assert_eq!(extract_anchors("a < b"), None);
        assert_eq!(extract_anchors("1e-5 * x"), Some((5, 6)));
        assert_eq!(extract_anchors("'a' + 1"), Some((4, 5)));
    }
}
