//! Printing an uncaught exception as CPython 3.11 does (`Python/pythonrun.c`
//! and `Python/traceback.c`): chained causes and contexts, traceback entries
//! with their source line and PEP 657 carets (with the `~~^~~` anchors of
//! binary operators and subscripts), repeated-line folding, notes.

use crate::exception::{ExceptionObject, TracebackObject};
use crate::objects::code::CodeObj;
use crate::objects::str::{display_lossy, new_str, StrObject};
use crate::typeobj::type_of;
use crate::value::Value;
use crate::vm::Vm;

mod wide;

const TB_RECURSIVE_CUTOFF: usize = 3;
const INDENT: usize = 4;

pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut p = Printer {
        out: String::new(),
        seen: Vec::new(),
        group_depth: 0,
        need_close: false,
        chain_depth: 0,
        tb_limit: traceback_limit(vm),
    };
    p.exception_recursive(vm, exc);
    p.out
}

/// PyErr_Display: the report of `exc` written to `sys.stderr` (and flushed),
/// so that a replaced `sys.stderr` (a StringIO, a test's capture) receives
/// it; nothing when `sys.stderr` is None; "lost sys.stderr" on the process's
/// stderr when there is none or it cannot be written to.
pub fn display_exception(vm: &mut Vm, exc: &Value) {
    let text = format_exception(vm, exc);
    match crate::sysmodule::sys_attr(vm, "stderr") {
        Some(file) if file.is_none() => {}
        Some(file) => {
            if vm.call_method(&file, "write", &[new_str(&text)]).is_err() {
                vm.write_stderr(b"lost sys.stderr\n");
                return;
            }
            // As CPython, a failing flush is ignored.
            let _ = vm.call_method(&file, "flush", &[]);
        }
        None => vm.write_stderr(b"lost sys.stderr\n"),
    }
}

/// PyTraceBack_Print: "Traceback (most recent call last):" and the entries
/// of `tb` (the innermost `sys.tracebacklimit` of them), written to `file`;
/// nothing when the limit is 0 or less. `tb` must be a traceback.
pub fn print_traceback(vm: &mut Vm, tb: &Value, file: &Value) -> crate::exception::PyResult<()> {
    if tb.downcast_ref::<TracebackObject>().is_none() {
        return Err(vm.new_error(crate::exception::ExcKind::SystemError, "bad argument to internal function"));
    }
    let limit = traceback_limit(vm);
    if limit == 0 {
        return Ok(());
    }
    let mut out = String::from("Traceback (most recent call last):\n");
    print_tb(tb, &mut out, "", limit);
    vm.call_method(file, "write", &[new_str(&out)])?;
    Ok(())
}

/// CPython's limits on printing exception groups.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// Nesting of chained causes/contexts and groups printed before giving up
/// (CPython stops at its recursion limit).
const MAX_CHAIN_DEPTH: usize = 100;

/// pythonrun.c's exception_print_context: inside an exception group every
/// line is indented two columns per level and starts with the `| ` margin.
struct Printer {
    out: String,
    /// Exceptions already printed (by identity), so that cycles end.
    seen: Vec<u64>,
    group_depth: usize,
    /// A closing `+----` line is still owed by the last sub-exception.
    need_close: bool,
    chain_depth: usize,
    /// How many of the innermost traceback entries are printed
    /// (`sys.tracebacklimit`); 0 prints no traceback at all.
    tb_limit: usize,
}

/// PyTraceBack_Print's limit: `sys.tracebacklimit` when it is an int (a
/// value <= 0 leaves the traceback out), else 1000.
fn traceback_limit(vm: &mut Vm) -> usize {
    const DEFAULT_LIMIT: usize = 1000;
    let Some(v) = crate::sysmodule::sys_attr(vm, "tracebacklimit") else {
        return DEFAULT_LIMIT;
    };
    let Some(i) = crate::objects::int::as_int(&v) else {
        return DEFAULT_LIMIT;
    };
    if i.is_negative() || i.is_zero() {
        return 0;
    }
    i.to_i64().map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX))
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Indentation plus margin: what starts each line of an exception's text.
    fn prefix(&self) -> String {
        let mut s = self.indent();
        if self.group_depth > 0 {
            s.push_str("| ");
        }
        s
    }

    fn exception_recursive(&mut self, vm: &mut Vm, exc: &Value) {
        if self.chain_depth >= MAX_CHAIN_DEPTH {
            return;
        }
        self.chain_depth += 1;
        self.cause_and_context(vm, exc);
        match crate::types::exc_group::group_exceptions(exc) {
            Some(excs) => self.exception_group(vm, exc, &excs),
            None => self.exception(vm, exc),
        }
        self.chain_depth -= 1;
    }

    fn cause_and_context(&mut self, vm: &mut Vm, exc: &Value) {
        self.seen.push(exc.bits());
        let Some(e) = exc.downcast_ref::<ExceptionObject>() else {
            return;
        };
        let cause = e.cause();
        if !cause.is_null() && !cause.is_none() {
            if !self.seen.contains(&cause.bits()) {
                self.chained(vm, &cause, "The above exception was the direct cause of the following exception:\n");
            }
            return;
        }
        if e.suppress_context.get() {
            return;
        }
        let ctx = e.context();
        if !ctx.is_null() && !ctx.is_none() && !self.seen.contains(&ctx.bits()) {
            self.chained(vm, &ctx, "During handling of the above exception, another exception occurred:\n");
        }
    }

    fn chained(&mut self, vm: &mut Vm, exc: &Value, message: &str) {
        let need_close = self.need_close;
        self.exception_recursive(vm, exc);
        self.need_close = need_close;
        let prefix = self.prefix();
        self.out.push_str(&prefix);
        self.out.push('\n');
        self.out.push_str(&prefix);
        self.out.push_str(message);
        self.out.push_str(&prefix);
        self.out.push('\n');
    }

    /// One exception: its traceback, then `Type: message` and its notes.
    fn exception(&mut self, vm: &mut Vm, exc: &Value) {
        if let Some(e) = exc.downcast_ref::<ExceptionObject>() {
            let tb = e.traceback();
            if !tb.is_null() && !tb.is_none() && self.tb_limit > 0 {
                let is_group = crate::types::exc_group::group_exceptions(exc).is_some();
                let (header, header_margin) = if is_group {
                    let m = if self.group_depth == 1 { "+ " } else { "| " };
                    ("Exception Group Traceback (most recent call last):\n", m)
                } else {
                    ("Traceback (most recent call last):\n", if self.group_depth > 0 { "| " } else { "" })
                };
                let indent = self.indent();
                self.out.push_str(&indent);
                self.out.push_str(header_margin);
                self.out.push_str(header);
                let prefix = self.prefix();
                print_tb(&tb, &mut self.out, &prefix, self.tb_limit);
            }
        }
        let prefix = self.prefix();
        print_exception_only(vm, exc, &mut self.out, &prefix);
    }

    /// The boxed layout of an exception group and its sub-exceptions.
    fn exception_group(&mut self, vm: &mut Vm, exc: &Value, excs: &[Value]) {
        if self.group_depth > MAX_GROUP_DEPTH {
            let prefix = self.prefix();
            self.out
                .push_str(&format!("{prefix}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.exception(vm, exc);
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing line may be written by a nested group instead.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let indent = self.indent();
            let corner = if i == 0 { "+-" } else { "  " };
            if truncated {
                self.out
                    .push_str(&format!("{indent}{corner}+---------------- ... ----------------\n"));
            } else {
                self.out
                    .push_str(&format!("{indent}{corner}+---------------- {} ----------------\n", i + 1));
            }
            self.group_depth += 1;
            if truncated {
                let remaining = excs.len() - MAX_GROUP_WIDTH;
                let prefix = self.prefix();
                self.out.push_str(&format!(
                    "{prefix}and {remaining} more exception{}\n",
                    if remaining > 1 { "s" } else { "" }
                ));
            } else {
                self.exception_recursive(vm, sub);
            }
            if last && self.need_close {
                let indent = self.indent();
                self.out.push_str(&indent);
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth -= 1;
        }
    }
}

fn print_tb(tb: &Value, out: &mut String, prefix: &str, limit: usize) {
    let mut entries: Vec<(Value, u32)> = Vec::new();
    let mut cur = tb.clone();
    while let Some(t) = cur.downcast_ref::<TracebackObject>() {
        entries.push((t.code.clone(), t.lasti));
        let next = t.next();
        cur = next;
    }
    // Only the innermost `limit` entries.
    let skip = entries.len().saturating_sub(limit);
    entries.drain(..skip);
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
            display_line(c, *lasti, out, prefix);
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

fn display_line(c: &CodeObj, lasti: u32, out: &mut String, prefix: &str) {
    let filename = display_lossy(&c.filename);
    let pos = c.position_of(lasti);
    let lineno = pos.and_then(|p| p.lineno);
    let lineno_text = match lineno {
        Some(l) => l as i64,
        None => -1,
    };
    out.push_str(prefix);
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
    out.push_str(prefix);
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
    // CPython 3.11.7 places the markers by display width: wide East Asian
    // characters take two columns. The leading whitespace is ASCII.
    let width = |k: usize| -> usize {
        let k_in_line = k.min(chars.len());
        let wide = chars[..k_in_line].iter().filter(|&&ch| wide::is_wide(ch)).count();
        k + wide
    };
    let (dw_start, dw_end) = (width(start_offset), width(end_offset));
    out.push_str(prefix);
    out.extend(std::iter::repeat(' ').take((dw_start + INDENT).saturating_sub(lead)));
    match anchors {
        Some((left_end, right_start)) => {
            let dw_left = width(left_end.clamp(start_offset, end_offset));
            let dw_right = width(right_start.clamp(start_offset, end_offset)).max(dw_left);
            out.extend(std::iter::repeat('~').take(dw_left - dw_start));
            out.extend(std::iter::repeat('^').take(dw_right - dw_left));
            out.extend(std::iter::repeat('~').take(dw_end.saturating_sub(dw_right)));
        }
        None => out.extend(std::iter::repeat('^').take(dw_end - dw_start)),
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

/// Line `lineno` (1-based) of a file, without its newline, decoded as the
/// file's encoding declaration (or BOM) says, UTF-8 otherwise; None when the
/// file cannot be read or decoded that far.
fn read_line(filename: &str, lineno: u32) -> Option<String> {
    let data = std::fs::read(filename).ok()?;
    let text = match std::str::from_utf8(&data) {
        // Plain UTF-8 (the usual case) needs no look for a declaration.
        Ok(s) if !s.starts_with('\u{feff}') && !s.lines().take(2).any(|l| l.contains("coding")) => s.to_string(),
        _ => pyrite_syntax::source::decode_file(&data, filename).ok()?.text,
    };
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
    if last - 1 == open_k {
        return None;
    }
    // CPython moves the anchors from the value's end to its '[' and from
    // the slice's end past its ']' (spaces between are underlined as `~`).
    Some((toks[open_k].0, toks[last].1))
}

/// The int value of an attribute as PyLong_AsSsize_t takes it: an int
/// (bools included) that fits, else None (the parse fails).
fn ssize_of(v: &Value) -> Option<i64> {
    crate::objects::int::as_int(v)?.to_i64()
}

/// pythonrun.c's parse_syntax_error and print_exception_file_and_line: for
/// an exception whose class has `print_file_and_line` (SyntaxError and its
/// subclasses) and whose `msg`, `filename`, `lineno`, `offset`, ... read as
/// CPython reads them, writes the `  File "...", line N` line (with the
/// margin) and the text with its carets, and returns the `msg` that is
/// printed in place of the exception. None (nothing written) otherwise.
fn print_file_and_line(vm: &mut Vm, exc: &Value, out: &mut String, prefix: &str) -> Option<Value> {
    let key = vm.intern("print_file_and_line");
    vm.lookup_attr(exc, &key).ok()??;
    let mut get = |name: &str| vm.getattr_str(exc, name).ok();
    let message = get("msg")?;
    let filename = get("filename")?;
    let lineno = ssize_of(&get("lineno")?)?;
    let offset = match get("offset")? {
        v if v.is_none() => -1,
        v => ssize_of(&v)?,
    };
    // Only SyntaxError itself has an end; its subclasses underline one character.
    let exact_syntax_error = std::ptr::eq(type_of(exc), crate::exception::exc_type(crate::exception::ExcKind::SyntaxError));
    let (end_lineno, end_offset) = if exact_syntax_error {
        let end_lineno = match get("end_lineno") {
            None => lineno,
            Some(v) if v.is_none() => lineno,
            Some(v) => ssize_of(&v)?,
        };
        let end_offset = match get("end_offset") {
            None => -1,
            Some(v) if v.is_none() => -1,
            Some(v) => ssize_of(&v)?,
        };
        (end_lineno, end_offset)
    } else {
        (lineno, -1)
    };
    let text = get("text")?;
    let filename = if filename.is_none() {
        "<string>".to_string()
    } else {
        match vm.str(&filename) {
            Ok(s) => display_lossy(&s),
            Err(_) => return None,
        }
    };
    out.push_str(prefix);
    out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    if let Some(text) = text.downcast_ref::<StrObject>() {
        let text = text.to_string_lossy();
        let line_size = text.len() as i64;
        // A range over several lines is underlined to the end of its first.
        let mut end_offset = if end_lineno > lineno { line_size } else { end_offset };
        // No more carets than the line has characters.
        end_offset = end_offset.min(line_size + 1);
        print_error_text(out, offset, end_offset, &text);
    }
    Some(message)
}

/// pythonrun.c's print_error_text: the line holding `offset` (1-based, but
/// counted in UTF-8 bytes of `text` as CPython counts it here), stripped of
/// its indentation, then the carets from `offset` to `end_offset`.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    // CPython handles the text as a C string: it ends at a NUL.
    let mut text = text.as_bytes();
    if let Some(nul) = text.iter().position(|&b| b == 0) {
        text = &text[..nul];
    }
    let mut offset = offset - 1;
    while let Some((b' ' | b'\t' | b'\x0c', rest)) = text.split_first() {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Skip the lines before the one `offset` is in.
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let nl = nl as i64;
        if nl >= offset {
            break;
        }
        text = &text[nl as usize + 1..];
        len -= nl + 1;
        offset -= nl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(text));
    if usize::try_from(len).ok().and_then(|l| text.get(l)) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat(' ').take(offset as usize));
    out.extend(std::iter::repeat('^').take(carets));
    out.push('\n');
}

fn print_exception_only(vm: &mut Vm, exc: &Value, out: &mut String, prefix: &str) {
    if exc.downcast_ref::<ExceptionObject>().is_none() {
        // print_exception_invalid_type: the indent, but no margin.
        out.push_str(&prefix.replace('|', " "));
        out.push_str("TypeError: print_exception(): Exception expected for value, ");
        out.push_str(&type_of(exc).name_string());
        out.push_str(" found\n");
        return;
    }
    let t = type_of(exc);
    let qualname = display_lossy(t.qualname());
    let module = crate::types::object_ty::type_module_name(t);
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") => qualname,
        Some(m) => format!("{m}.{qualname}"),
        None => format!("<unknown>.{qualname}"),
    };
    // A SyntaxError with a location prints that location, then its `msg`
    // stands for the exception: its str() is printed, its notes looked up.
    let value = print_file_and_line(vm, exc, out, prefix).unwrap_or_else(|| exc.clone());
    out.push_str(prefix);
    out.push_str(&name);
    if !value.is_none() {
        match vm.str(&value) {
            Ok(s) => {
                let text = s.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default();
                if !text.is_empty() {
                    out.push_str(": ");
                    out.push_str(&text);
                }
            }
            Err(_) => out.push_str(": <exception str() failed>"),
        }
    }
    if let Some(s) = crate::suggestions::offer_suggestion(vm, &value) {
        out.push_str(". Did you mean: '");
        out.push_str(&s);
        out.push_str("'?");
    }
    out.push('\n');
    // PEP 678 notes: each line of each note's str() takes the margin; a
    // non-sequence `__notes__` is shown by its repr, with no newline.
    // (3.11.7 looks the notes up on the exception, also when `msg` stood for it.)
    let key = vm.intern("__notes__");
    let Ok(Some(notes)) = vm.lookup_attr(exc, &key) else {
        return;
    };
    if !crate::types::exc_group::is_sequence(&notes) {
        out.push_str(prefix);
        match vm.repr_string(&notes) {
            Ok(r) => out.push_str(&r),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        return;
    }
    let items = match vm.collect(&notes) {
        Ok(items) => items,
        Err(_) => return,
    };
    for n in items {
        match vm.str(&n) {
            Ok(s) => {
                let text = display_lossy(&s);
                for line in split_lines_keepends(&text) {
                    out.push_str(prefix);
                    out.push_str(line);
                }
            }
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
}

/// str.splitlines(keepends=True) for the line breaks notes use.
fn split_lines_keepends(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let end = match ch {
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => {
                chars.next();
                i + 2
            }
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                i + ch.len_utf8()
            }
            _ => continue,
        };
        lines.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
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
        assert_eq!(extract_anchors("b     [    a  ]"), Some((6, 15)));
        assert_eq!(extract_anchors("(b) [ (a) ]"), Some((4, 11)));
    }
}
