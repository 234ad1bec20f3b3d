//! Tests of string concatenation and f-strings against a mock parser host:
//! the host tokenizes string-only sources, parses replacement-field
//! expressions that are names, ints or strings, and shifts positions as
//! CPython's f-string sub-parser does. `against_python` compares with
//! `python3.11` itself.

use super::*;
use crate::ast::ExprContext;
use crate::error::SyntaxErrorKind;

#[derive(Default)]
struct Mock {
    /// (wrapped expression, starting_lineno, starting_col_offset) of each sub-parse.
    calls: Vec<(String, i32, i32)>,
    warnings: Vec<CompileWarning>,
    warnings_are_errors: bool,
}

fn error(msg: &str, lineno: u32, offset: i64) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_string(),
        lineno,
        offset,
        end_lineno: lineno,
        end_offset: offset,
        text: None,
    }
}

impl StringHost for Mock {
    fn parse_fstring_expr(&mut self, expr: &str, starting_lineno: i32, starting_col_offset: i32) -> Result<Expr, SyntaxError> {
        self.calls.push((expr.to_string(), starting_lineno, starting_col_offset));
        let shift = Shift { first_line: starting_lineno as u32, first_col: starting_col_offset as u32, per_position: false };
        let inner = &expr[1..expr.len() - 1];
        let trimmed = inner.trim_start_matches([' ', '\t', '\n', '\x0c']).trim_end_matches([' ', '\t', '\n', '\x0c']);
        let start = 1 + (inner.len() - inner.trim_start_matches([' ', '\t', '\n', '\x0c']).len());
        let end = start + trimmed.len();
        let is_name = trimmed.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && trimmed.chars().all(|c| c.is_alphanumeric() || c == '_');
        let is_string = trimmed.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with(['\'', '"']);
        if is_string {
            if let Some(tokens) = try_string_tokens(expr, shift) {
                return concatenate_strings(self, expr, &tokens);
            }
        }
        // Nodes other than strings: each end shifted if on the first line.
        let shift = Shift { per_position: true, ..shift };
        let mut loc = shift.loc(expr, start, end);
        if top_level_comma(trimmed) {
            // A tuple: its node starts at the added parenthesis.
            loc = shift.loc(expr, 0, expr.len());
        } else if is_group(trimmed) {
            // Most likely a group: the node is what it holds.
            let inner = &trimmed[1..trimmed.len() - 1];
            let skip = inner.len() - inner.trim_start().len();
            loc = shift.loc(expr, start + 1 + skip, end);
        }
        if is_name {
            return Ok(Expr::new(loc, ExprKind::Name { id: trimmed.to_string(), ctx: ExprContext::Load }));
        }
        if let Ok(v) = trimmed.parse::<i64>() {
            return Ok(Expr::new(loc, ExprKind::Constant { value: Constant::Int(v), kind: None }));
        }
        // Anything else: a placeholder holding the text.
        Ok(Expr::new(loc, ExprKind::Name { id: format!("<{trimmed}>"), ctx: ExprContext::Load }))
    }

    fn syntax_error(&mut self, msg: &str) -> SyntaxError {
        error(msg, 0, 0)
    }

    fn syntax_error_at_token(&mut self, token: &Token, msg: &str) -> SyntaxError {
        error(msg, token.lineno, token.col as i64 + 1)
    }

    fn warn(&mut self, warning: CompileWarning) -> Result<(), SyntaxError> {
        self.warnings.push(warning);
        if self.warnings_are_errors {
            Err(error("warning", 0, 0))
        } else {
            Ok(())
        }
    }
}

/// Whether `expr` is one parenthesized expression that is not a tuple (roughly).
fn is_group(expr: &str) -> bool {
    if !expr.starts_with('(') || !expr.ends_with(')') {
        return false;
    }
    let inner = &expr[1..expr.len() - 1];
    let mut depth = 0i32;
    for c in inner.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    !top_level_comma(inner)
}

/// Whether `expr` has a comma outside brackets and strings (roughly).
fn top_level_comma(expr: &str) -> bool {
    let mut depth = 0i32;
    let mut quote = None;
    for c in expr.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// How a (sub-)parser positions tokens: columns of tokens that end on the first
/// line are shifted (`_PyPegen_fill_token`).
#[derive(Clone, Copy)]
struct Shift {
    first_line: u32,
    first_col: u32,
    /// Shift each position on the first line (real source positions) rather
    /// than both ends of tokens that end there (the sub-parser's rule).
    per_position: bool,
}

impl Shift {
    /// Line (0-based) and column of byte `pos` of `text`.
    fn line_col(text: &str, pos: usize) -> (u32, u32) {
        let before = &text[..pos];
        let line = before.matches('\n').count() as u32;
        let col = pos - before.rfind('\n').map_or(0, |i| i + 1);
        (line, col as u32)
    }

    fn loc(self, text: &str, start: usize, end: usize) -> Loc {
        let (l1, c1) = Shift::line_col(text, start);
        let (l2, c2) = Shift::line_col(text, end);
        let add = |line: u32| if line == 0 && (self.per_position || l2 == 0) { self.first_col } else { 0 };
        Loc::new(self.first_line + l1, c1 + add(l1), self.first_line + l2, c2 + add(l2))
    }
}

/// The STRING tokens of a source made of string literals, brackets and whitespace.
fn string_tokens(src: &str, shift: Shift) -> Vec<Token> {
    try_string_tokens(src, shift).unwrap_or_else(|| panic!("not only strings: {src:?}"))
}

fn try_string_tokens(src: &str, shift: Shift) -> Option<Vec<Token>> {
    let b = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b" \t\n()\x0c".contains(&b[i]) {
            i += 1;
            continue;
        }
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'\n') {
            i += 2;
            continue;
        }
        if b[i] == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        let q = *b.get(i)?;
        if q != b'\'' && q != b'"' {
            return None;
        }
        let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
        i += if triple { 3 } else { 1 };
        loop {
            if i >= b.len() {
                return None;
            }
            if b[i] == b'\\' {
                i += 2;
            } else if b[i] == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                i += if triple { 3 } else { 1 };
                break;
            } else {
                i += 1;
            }
        }
        let loc = shift.loc(src, start, i);
        tokens.push(Token {
            kind: crate::token::TokenKind::String,
            start: start as u32,
            end: i as u32,
            lineno: loc.lineno,
            col: loc.col_offset,
            end_lineno: loc.end_lineno,
            end_col: loc.end_col_offset,
        });
    }
    Some(tokens)
}

/// Python's `ascii()` of a str.
fn py_ascii_str(s: &PyStr) -> String {
    let cps: Vec<u32> = s.code_points().collect();
    let quote = if cps.contains(&0x27) && !cps.contains(&0x22) { '"' } else { '\'' };
    let mut out = String::from(quote);
    for cp in cps {
        match cp {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(cp as u8 as char),
            0..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of bytes.
fn py_repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// A compact dump; `DUMP_PY` prints the same from Python's `ast`.
fn dump(e: &Expr) -> String {
    let l = e.loc;
    let loc = format!("@{}:{}-{}:{}", l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
    match &e.kind {
        ExprKind::Constant { value, kind } => {
            let v = match value {
                Constant::Str(s) => py_ascii_str(s),
                Constant::Bytes(b) => py_repr_bytes(b),
                Constant::Int(i) => i.to_string(),
                other => format!("{other:?}"),
            };
            format!("C({v}{}){loc}", if kind.is_some() { ",u" } else { "" })
        }
        ExprKind::JoinedStr { values } => {
            format!("J[{}]{loc}", values.iter().map(dump).collect::<Vec<_>>().join(", "))
        }
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            let spec = format_spec.as_ref().map_or("-".to_string(), |s| dump(s));
            format!("F({},{conversion},{spec}){loc}", dump(value))
        }
        ExprKind::Name { id, .. } => format!("N({id}){loc}"),
        other => format!("{other:?}"),
    }
}

const DUMP_PY: &str = r#"
import ast, json, sys, warnings
def d(n):
    loc = f"@{n.lineno}:{n.col_offset}-{n.end_lineno}:{n.end_col_offset}"
    if isinstance(n, ast.Constant):
        v = ascii(n.value) if isinstance(n.value, str) else repr(n.value)
        return f"C({v}{',u' if n.kind else ''}){loc}"
    if isinstance(n, ast.JoinedStr):
        return "J[" + ", ".join(d(v) for v in n.values) + "]" + loc
    if isinstance(n, ast.FormattedValue):
        spec = d(n.format_spec) if n.format_spec else "-"
        return f"F({d(n.value)},{n.conversion},{spec}){loc}"
    if isinstance(n, ast.Name):
        return f"N({n.id}){loc}"
    return ast.dump(n)
for src in json.load(sys.stdin):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = d(ast.parse(src, mode="eval").body)
        except SyntaxError as e:
            out = "SyntaxError: " + e.msg
    for x in w:
        out += f" W[{x.category.__name__}:{x.message}:{x.lineno}]"
    print(json.dumps(out))
"#;

/// Our result for an expression source made of string literals, in `DUMP_PY`'s format.
fn ours(src: &str) -> String {
    let mut host = Mock::default();
    let tokens = string_tokens(src, Shift { first_line: 1, first_col: 0, per_position: true });
    let mut out = match concatenate_strings(&mut host, src, &tokens) {
        Ok(e) => dump(&e),
        Err(e) => format!("SyntaxError: {}", e.msg),
    };
    for w in &host.warnings {
        out.push_str(&format!(" W[DeprecationWarning:{}:{}]", w.msg, w.lineno));
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Parses the JSON string literals `DUMP_PY` prints (one per line).
fn json_unquote(line: &str) -> String {
    let inner = &line[1..line.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let mut cp = u32::from_str_radix(&hex, 16).unwrap();
                if (0xD800..0xDC00).contains(&cp) {
                    let _ = chars.by_ref().take(2).count();
                    let low: String = chars.by_ref().take(4).collect();
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (u32::from_str_radix(&low, 16).unwrap() - 0xDC00);
                }
                out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The sources checked against python3.11 (each a Python expression made of
/// string literals whose fields hold names, ints or strings).
const CASES: &[&str] = &[
    r#""abc""#,
    r#"'a' "b" '''c''' """d""""#,
    r#"u'a' 'b'"#,
    r#"U'a'"#,
    r#"'a' u'b'"#,
    r#"b'a' B"b" rb'\d' Br"\x""#,
    r#"b'\x41\101\777\d\n\
z'"#,
    r#"'\x41\u00e9\U0001F600\N{bullet}\N{LATIN CAPITAL LETTER GHA}\N{HANGUL SYLLABLE GAG}'"#,
    r#"'\ud800\udfff'"#,
    r#"'\d' '\q'"#,
    r#"'\400'"#,
    r#"'a\
b'"#,
    r#"'ä\x4'"#,
    r#"'\xä'"#,
    r#"'\N{foo}'"#,
    r#"'\N'"#,
    r#"'\N{'"#,
    r#"'\N{}'"#,
    r#"'\N{ä}'"#,
    r#"'\N{LATIN SMALL LETTER A WITH MACRON AND GRAVE}'"#,
    r#"'\U00110000'"#,
    r#"'\ä'"#,
    r#"b'ä'"#,
    r#"'a' b'b'"#,
    r#"b'a' 'b'"#,
    r#"b'a' f'b'"#,
    r#"b'\x4'"#,
    r#"r'\d\N{foo}' R'\\'"#,
    r#"f'abc'"#,
    r#"f''"#,
    r#"f'' ''"#,
    r#"'' f''"#,
    r#"f'{a}'"#,
    r#"f'x{a}y{b}z'"#,
    r#"f'{a!r}{b!s:>10}{c!a}'"#,
    r#"f'{a=}' 'x' f'{ b = }' f'{c=!s}' f'{d=:x}'"#,
    r#"f'{{a}}' f'{{' '}}'"#,
    r#"f'{a:{b}}' 'zz'"#,
    r#"u'' f'{x:a{y}b}' 'zz'"#,
    r#"f'{x:}'"#,
    r#"f'{x:{y}{z}w}'"#,
    r#"f'{x:{{}}'"#,
    r#"'a' f'b{x}c' 'd' f'{y}'"#,
    r#"(f'{x}'
  f'{y}'
    'z')"#,
    r#"f'''{x}
{y}
  {z} {
w}'''"#,
    r#"f'''
{
  x
}'''"#,
    r#"f'''a
  {  x  }  b'''"#,
    r#"f'''{x
}'''"#,
    r#"(
  f'{x}' f'''
 {y}''' f'{z}')"#,
    r#"f'ä{x}ü{y}'"#,
    r#"f'\N{bullet}{x}\N{LATIN SMALL LETTER A}'"#,
    r#"f'\n{x}\t'"#,
    r#"f'\{x}'"#,
    r#"f'\{{x}}'"#,
    r#"f'\d{x}\q'"#,
    r#"rf'\d{x}\q' fR'\{x}'"#,
    r#"f'{x!r:{y}}'"#,
    r#"f'{"a"}'"#,
    r#"f'{"a" "b"}'"#,
    r#"f'{x:{"a"}}'"#,
    r#"f'{3}'"#,
    r#"f'{x:{y:{z}}}'"#,
    r#"f'{}'"#,
    r#"f'{ }'"#,
    r#"f'{!r}'"#,
    r#"f'{=}'"#,
    r#"f'{:x}'"#,
    r#"f'{a!}'"#,
    r#"f'{a!'"#,
    r#"f'{a!r'"#,
    r#"f'{a'"#,
    r#"f'{a:'"#,
    r#"f'{a!x}'"#,
    r#"f'{a!rr}'"#,
    r#"f'{a!ä}'"#,
    r#"f'{a#}'"#,
    r#"f'{(a}'"#,
    r#"f'{a)}'"#,
    r#"f'{(a]}'"#,
    r#"f'{(a'"#,
    r#"f'{"a}'"#,
    r#"f'}'"#,
    r#"f'a}b'"#,
    r#"f'{x}}'"#,
    r#"f'{x=:{y}}'"#,
    r#"f'{x:{y}' '}'"#,
    r#"f'\N{foo}{x}'"#,
    r#"f'{x}\x4'"#,
    r#"f'{x:\x4}'"#,
    r#"f'{x:{y!r}}'"#,
    r#"f"{x:{'a'}b}""#,
    r#"f'{x!r=}'"#,
    r#"f'{x:=5}'"#,
    r#"f"{'''a'''}""#,
    r#"f'{"""a""" """b"""}'"#,
    r#"f'{x:{y}.{z}}'"#,
    r#"f'''{x
!r}'''"#,
    r#"f'{{}'"#,
    r#"f'{'"#,
    r#"f'{a:{b}c'"#,
    r#"f'a' f'{'"#,
    r#"f'{x:{y}}}'"#,
    r#"f'{x:{y}}}}'"#,
    r#"f'{x:}}'"#,
    r#"rf'\N{x}'"#,
    r#"f'\N{DIGIT ONE}\N{foo'"#,
    r#"f'\N{DIGIT ONE'"#,
    r#"f'\Nx{y}'"#,
    r#"f'{x}\\'"#,
    r#"f'{x:\N{DIGIT ONE}}'"#,
    r#"f'{x:\{y}}'"#,
    r#"f'{x:{y}\d}'"#,
    r#"f'{x!s:{y!r:{z}}}'"#,
    r#"f'{ x = }'"#,
    r#"f'{x =   !r:5}'"#,
    r#"f'{x:a}' f'{y:b}' 'c'"#,
    r#"u'a' f'{x:a{y}}'"#,
    r#"'\0\1\12\123\1234\8\9'"#,
    r#"b'\0\1\12\123\1234\8\9'"#,
    r#"'\x' 'a'"#,
    r#"'\u12' 'a'"#,
    r#"'\U1234567' 'a'"#,
    r#"'''\x'''"#,
    r#"'ä\ü\N{ä}'"#,
    r#"'\N{latin small letter a}\N{LATIN SMALL LETTER A }'"#,
    r#"b'\
'"#,
];

#[test]
fn against_python() {
    let mut child = match std::process::Command::new("python3.11")
        .args(["-c", DUMP_PY])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => {
            eprintln!("python3.11 not found: skipping the comparison");
            return;
        }
    };
    let input = format!("[{}]", CASES.iter().map(|s| json_string(s)).collect::<Vec<_>>().join(","));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let expected: Vec<String> = String::from_utf8(output.stdout).unwrap().lines().map(json_unquote).collect();
    assert_eq!(expected.len(), CASES.len());
    let mut failures = Vec::new();
    for (src, want) in CASES.iter().zip(&expected) {
        let got = ours(src);
        if &got != want {
            failures.push(format!("{src}\n  python: {want}\n  ours:   {got}"));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn plain_and_bytes() {
    assert_eq!(ours(r#"'a' "b""#), "C('ab')@1:0-1:7");
    assert_eq!(ours(r#"u'a' 'b'"#), "C('ab',u)@1:0-1:8");
    assert_eq!(ours(r#"b'a\x00' rb'\d'"#), "C(b'a\\x00\\\\d')@1:0-1:15");
    assert_eq!(ours(r#"'a' b'b'"#), "SyntaxError: cannot mix bytes and nonbytes literals");
}

#[test]
fn fstring_positions() {
    assert_eq!(
        ours("f'{a=!r:x}'"),
        "J[C('a=')@1:0-1:11, F(N(a)@1:3-1:4,114,J[C('x')@1:0-1:11]@1:0-1:11)@1:0-1:11]@1:0-1:11"
    );
    let mut host = Mock::default();
    let src = "f'''a\n  {  x  }  b'''";
    let tokens = string_tokens(src, Shift { first_line: 1, first_col: 0, per_position: true });
    concatenate_strings(&mut host, src, &tokens).unwrap();
    assert_eq!(host.calls, vec![("(  x  )".to_string(), 2, 2)]);
    let mut host = Mock::default();
    let src = "  f'{x!=y}' f'{a==b:{c<=d}}{e >f!r}'";
    let tokens = string_tokens(src, Shift { first_line: 3, first_col: 4, per_position: true });
    concatenate_strings(&mut host, src, &tokens).unwrap();
    let calls: Vec<_> = host.calls.iter().map(|(text, line, col)| format!("{text} {line}:{col}")).collect();
    assert_eq!(calls, ["(x!=y) 3:8", "(a==b) 3:18", "(c<=d) 3:24", "(e >f) 3:31"]);
}

#[test]
fn warnings_as_errors() {
    let mut host = Mock { warnings_are_errors: true, ..Mock::default() };
    let src = "'a' '\\d'";
    let tokens = string_tokens(src, Shift { first_line: 1, first_col: 0, per_position: true });
    let err = concatenate_strings(&mut host, src, &tokens).unwrap_err();
    assert_eq!((err.msg.as_str(), err.lineno, err.offset), ("invalid escape sequence '\\d'", 1, 5));
}

const CORPUS_PY: &str = r#"
import ast, json, sys, os, warnings
warnings.simplefilter("ignore")
def d(n):
    loc = f"@{n.lineno}:{n.col_offset}-{n.end_lineno}:{n.end_col_offset}"
    if isinstance(n, ast.Constant) and isinstance(n.value, str):
        return f"C({ascii(n.value)}{',u' if n.kind else ''}){loc}"
    if isinstance(n, ast.Constant) and isinstance(n.value, bytes):
        return f"C({n.value!r}){loc}"
    if isinstance(n, ast.JoinedStr):
        return "J[" + ", ".join(d(v) for v in n.values) + "]" + loc
    if isinstance(n, ast.FormattedValue):
        spec = d(n.format_spec) if n.format_spec else "-"
        return f"F({d(n.value)},{n.conversion},{spec}){loc}"
    return f"E@{n.lineno}:{n.col_offset}"
plain = len(sys.argv) > 2
root = sys.argv[1]
for dirpath, dirs, files in os.walk(root):
    dirs.sort()
    for f in sorted(files):
        if not f.endswith(".py"):
            continue
        path = os.path.join(dirpath, f)
        try:
            src = open(path, encoding="utf-8").read()
            tree = ast.parse(src)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        lines = src.encode("utf-8").splitlines(keepends=True)
        starts = [0]
        for l in lines:
            starts.append(starts[-1] + len(l))
        data = src.encode("utf-8")
        def segment(n):
            a = starts[n.lineno - 1] + n.col_offset
            b = starts[n.end_lineno - 1] + n.end_col_offset
            return data[a:b].decode("utf-8")
        specs = set()
        for n in ast.walk(tree):
            if isinstance(n, ast.FormattedValue) and n.format_spec:
                specs.add(id(n.format_spec))
            if isinstance(n, ast.JoinedStr):
                specs.update(id(v) for v in n.values)
        for n in ast.walk(tree):
            if plain:
                wanted = isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes))
            else:
                wanted = isinstance(n, ast.JoinedStr)
            if wanted and id(n) not in specs:
                seg = segment(n)
                print(json.dumps([path, seg, n.lineno, n.col_offset, d(n)]))
"#;

/// Compact dump where every node other than the string ones shows its start only.
fn dump_corpus(e: &Expr) -> String {
    let l = e.loc;
    let loc = format!("@{}:{}-{}:{}", l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
    match &e.kind {
        ExprKind::Constant { value: Constant::Str(s), kind } => {
            format!("C({}{}){loc}", py_ascii_str(s), if kind.is_some() { ",u" } else { "" })
        }
        ExprKind::Constant { value: Constant::Bytes(b), .. } => format!("C({}){loc}", py_repr_bytes(b)),
        ExprKind::JoinedStr { values } => {
            format!("J[{}]{loc}", values.iter().map(dump_corpus).collect::<Vec<_>>().join(", "))
        }
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            let spec = format_spec.as_ref().map_or("-".to_string(), |s| dump_corpus(s));
            format!("F({},{conversion},{spec}){loc}", dump_corpus(value))
        }
        _ => format!("E@{}:{}", l.lineno, l.col_offset),
    }
}

/// Every string literal (f-strings, then the others) of the reference stdlib
/// and its site-packages, with the mock host: values and node positions as
/// CPython gives them (expressions compared by their start only).
#[test]
#[ignore]
fn stdlib_literals() {
    let stdlib = "/root/.pyenv/versions/3.11.7/lib/python3.11";
    // PYRITE_LITERAL_CORPUS may name a file holding CORPUS_PY's output (it takes a minute).
    let text = match std::env::var("PYRITE_LITERAL_CORPUS") {
        Ok(path) => std::fs::read_to_string(path).unwrap(),
        Err(_) => {
            let mut text = String::new();
            for extra in [&[][..], &["plain"][..]] {
                let output = std::process::Command::new("python3.11").args(["-c", CORPUS_PY, stdlib]).args(extra).output().unwrap();
                text.push_str(&String::from_utf8(output.stdout).unwrap());
            }
            text
        }
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        // ["path", "segment", lineno, col, "dump"]: parse the JSON array by hand.
        let fields = split_json_array(line);
        let (path, seg, lineno, col, want) = (&fields[0], &fields[1], &fields[2], &fields[3], &fields[4]);
        let shift = Shift { first_line: lineno.parse().unwrap(), first_col: col.parse().unwrap(), per_position: true };
        let tokens = string_tokens(seg, shift);
        let mut host = Mock::default();
        let got = match concatenate_strings(&mut host, seg, &tokens) {
            Ok(e) => dump_corpus(&e),
            Err(e) => format!("SyntaxError: {}", e.msg),
        };
        count += 1;
        if &got != want {
            failures.push(format!("{path}:{lineno}: {seg}\n  python: {want}\n  ours:   {got}"));
        }
    }
    eprintln!("{count} literals, {} mismatches", failures.len());
    assert!(failures.is_empty(), "{}", failures.iter().take(30).cloned().collect::<Vec<_>>().join("\n"));
}

fn split_json_array(line: &str) -> Vec<String> {
    let inner = &line[1..line.len() - 1];
    let mut fields = Vec::new();
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i;
            i += 1;
            while b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            fields.push(json_unquote(&inner[start..i]));
        } else if b[i] == b',' || b[i] == b' ' {
            i += 1;
        } else {
            let start = i;
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
            fields.push(inner[start..i].to_string());
        }
    }
    fields
}
