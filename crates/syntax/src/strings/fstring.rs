//! f-strings as CPython 3.11 parses them (`Parser/string_parser.c`): the literal
//! pieces are decoded like ordinary strings, each replacement field's expression
//! is handed to the host's sub-parser, and the nodes get CPython's (quirky)
//! positions: every Constant piece and FormattedValue spans the whole
//! concatenation, except inside a format spec, whose JoinedStr and trailing
//! Constant span only the f-string token itself.

use super::{span, Context, InvalidEscape};
use crate::ast::{Constant, Expr, ExprKind};
use crate::error::SyntaxError;
use crate::pystr::PyStr;
use crate::token::Token;

/// CPython's limit on brackets nested inside one replacement field (`MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;

/// The pieces gathered so far (CPython's `FstringParser`): the literal text not
/// yet turned into a Constant, and the finished nodes.
pub(crate) struct Joined {
    pending: PyStr,
    values: Vec<Expr>,
    /// Whether any f-string took part (the result is then a JoinedStr).
    fmode: bool,
}

impl Joined {
    pub(crate) fn new() -> Joined {
        Joined { pending: PyStr::new(), values: Vec::new(), fmode: false }
    }

    pub(crate) fn push_literal(&mut self, s: PyStr) {
        if s.is_empty() {
            return;
        }
        if self.pending.is_empty() {
            self.pending = s;
        } else {
            self.pending.push_pystr(&s);
        }
    }

    /// Turns the pending literal, if any, into a Constant spanning `first..last`.
    fn flush(&mut self, cx: &Context<'_>, first: &Token, last: &Token) {
        if !self.pending.is_empty() {
            let s = std::mem::take(&mut self.pending);
            self.values.push(str_constant(cx, s, first, last));
        }
    }

    /// `_PyPegen_FstringParser_Finish`: a Constant if no f-string took part, else
    /// a JoinedStr.
    pub(crate) fn finish(mut self, cx: &Context<'_>, first: &Token, last: &Token) -> Expr {
        if !self.fmode {
            return str_constant(cx, self.pending, first, last);
        }
        self.flush(cx, first, last);
        Expr::new(span(first, last), ExprKind::JoinedStr { values: self.values })
    }
}

/// A str Constant; its `kind` is "u" when the text of `first` starts with a
/// lower-case `u` (CPython looks at that one character only).
fn str_constant(cx: &Context<'_>, s: PyStr, first: &Token, last: &Token) -> Expr {
    let kind = match cx.source.as_bytes().get(first.start as usize) {
        Some(b'u') => Some("u".to_string()),
        _ => None,
    };
    Expr::new(span(first, last), ExprKind::Constant { value: Constant::Str(s), kind })
}

/// Where the scanner is in one f-string token.
struct Scan<'t> {
    token: &'t Token,
    /// The token's whole text, prefix and quotes included.
    text: &'t str,
    raw: bool,
    pos: usize,
    /// The end of the body (the closing quotes' offset).
    end: usize,
    /// Newlines counted so far for field locations: (up to this offset, how
    /// many, where the last one is). Fields come in increasing order, so a
    /// token with many fields is scanned once.
    lines_seen: (usize, i32, Option<usize>),
}

impl Scan<'_> {
    fn byte(&self, pos: usize) -> Option<u8> {
        if pos < self.end {
            self.text.as_bytes().get(pos).copied()
        } else {
            None
        }
    }
}

/// Adds one f-string token (body `body` of `text`) to `joined`
/// (`_PyPegen_FstringParser_ConcatFstring` at the top level).
pub(crate) fn parse_fstring(
    cx: &mut Context<'_>,
    joined: &mut Joined,
    token: &Token,
    text: &str,
    body: std::ops::Range<usize>,
    raw: bool,
) -> Result<(), SyntaxError> {
    let mut scan = Scan { token, text, raw, pos: body.start, end: body.end, lines_seen: (0, 0, None) };
    let (first, last) = (*cx.first, *cx.last);
    concat_fstring(cx, joined, &mut scan, 0, &first, &last)
}

fn concat_fstring(
    cx: &mut Context<'_>,
    joined: &mut Joined,
    scan: &mut Scan<'_>,
    depth: u32,
    first: &Token,
    last: &Token,
) -> Result<(), SyntaxError> {
    joined.fmode = true;
    loop {
        let (literal, more) = find_literal(cx, scan, depth)?;
        let mut field = None;
        if !more && scan.byte(scan.pos).is_some_and(|b| b != b'}') {
            field = Some(find_field(cx, scan, depth, first, last)?);
        }
        if let Some(literal) = literal {
            joined.push_literal(literal);
        }
        if more {
            continue;
        }
        let Some((debug_text, value)) = field else {
            break;
        };
        if let Some(text) = debug_text {
            joined.push_literal(text);
        }
        joined.flush(cx, first, last);
        joined.values.push(value);
    }
    if depth == 0 && scan.pos + 1 < scan.end {
        return Err(cx.host.syntax_error("f-string: unexpected end of string"));
    }
    if depth != 0 && scan.byte(scan.pos) != Some(b'}') {
        return Err(cx.host.syntax_error("f-string: expecting '}'"));
    }
    Ok(())
}

/// Scans a literal piece (`fstring_find_literal`): up to an unescaped `{`, a
/// `}` ending a format spec, or the end. Returns the decoded piece (None when
/// empty) and whether the caller should go on scanning literal text (after a
/// doubled brace, which stays in the piece once).
fn find_literal(cx: &mut Context<'_>, scan: &mut Scan<'_>, depth: u32) -> Result<(Option<PyStr>, bool), SyntaxError> {
    let start = scan.pos;
    let mut s = start;
    let mut more = false;
    let literal_end;
    loop {
        let Some(mut ch) = scan.byte(s) else {
            literal_end = s;
            scan.pos = s;
            break;
        };
        s += 1;
        if !scan.raw && ch == b'\\' {
            if let Some(escaped) = scan.byte(s) {
                ch = escaped;
                s += 1;
                if ch == b'N' {
                    // Skip a `\N{...}` name so its braces start no field.
                    if let Some(open) = scan.byte(s) {
                        s += 1;
                        if open == b'{' {
                            while let Some(c) = scan.byte(s) {
                                s += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
                if ch == b'{' {
                    cx.warn_deprecated(scan.token, InvalidEscape::Char('{').message())?;
                }
            }
        }
        if ch == b'{' || ch == b'}' {
            // Doubled braces are only recognised at the top level, so that
            // f'{0:{3}}' can end with two closing braces.
            if depth == 0 {
                if scan.byte(s) == Some(ch) {
                    literal_end = s;
                    scan.pos = s + 1;
                    more = true;
                    break;
                }
                if ch == b'}' {
                    return Err(cx.host.syntax_error("f-string: single '}' is not allowed"));
                }
            }
            literal_end = s - 1;
            scan.pos = s - 1;
            break;
        }
    }
    if literal_end == start {
        return Ok((None, more));
    }
    // Both ends are at ASCII bytes (a brace, or the body's start or end).
    let Some(piece) = scan.text.get(start..literal_end) else {
        return Err(cx.host.syntax_error("f-string: invalid literal"));
    };
    let value = if scan.raw { PyStr::from(piece) } else { cx.decode_str(scan.token, piece)? };
    Ok((Some(value), more))
}

/// Parses a replacement field starting at its `{` (`fstring_find_expr`).
/// Returns the text for a `=` debug field and the FormattedValue.
fn find_field(
    cx: &mut Context<'_>,
    scan: &mut Scan<'_>,
    depth: u32,
    first: &Token,
    last: &Token,
) -> Result<(Option<PyStr>, Expr), SyntaxError> {
    if depth >= 2 {
        return Err(cx.host.syntax_error("f-string: expressions nested too deeply"));
    }
    let brace = scan.pos;
    scan.pos += 1;
    let expr_start = scan.pos;
    let expr_end = find_expr_end(cx, scan)?;
    let Some(terminator) = scan.byte(expr_end) else {
        return Err(expecting_brace(cx));
    };
    // Compiled before the rest is looked at, so that errors in the expression
    // come before errors in the conversion or format spec.
    let value = compile_expr(cx, scan, brace, expr_start, expr_end, terminator)?;

    let mut debug_text = None;
    if terminator == b'=' {
        scan.pos += 1;
        while scan.byte(scan.pos).is_some_and(is_py_space) {
            scan.pos += 1;
        }
        if scan.pos >= scan.end {
            return Err(expecting_brace(cx));
        }
        // Ends at ASCII bytes: the `{` + 1 and a non-space after `=`.
        debug_text = scan.text.get(expr_start..scan.pos).map(PyStr::from);
    }

    let mut conversion = -1;
    if scan.byte(scan.pos) == Some(b'!') {
        scan.pos += 1;
        let Some(c) = scan.byte(scan.pos) else {
            return Err(expecting_brace(cx));
        };
        scan.pos += 1;
        if !matches!(c, b's' | b'r' | b'a') {
            return Err(cx.host.syntax_error("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
        }
        conversion = c as i32;
    }

    let mut format_spec = None;
    match scan.byte(scan.pos) {
        None => return Err(expecting_brace(cx)),
        Some(b':') => {
            scan.pos += 1;
            if scan.pos >= scan.end {
                return Err(expecting_brace(cx));
            }
            let mut spec = Joined::new();
            concat_fstring(cx, &mut spec, scan, depth + 1, first, last)?;
            let token = *scan.token;
            format_spec = Some(Box::new(spec.finish(cx, &token, &token)));
        }
        Some(_) => {}
    }
    if scan.byte(scan.pos) != Some(b'}') {
        return Err(expecting_brace(cx));
    }
    scan.pos += 1;

    if debug_text.is_some() && format_spec.is_none() && conversion == -1 {
        conversion = b'r' as i32;
    }
    let node = ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec };
    Ok((debug_text, Expr::new(span(first, last), node)))
}

fn expecting_brace(cx: &mut Context<'_>) -> SyntaxError {
    cx.host.syntax_error("f-string: expecting '}'")
}

/// Python's `Py_ISSPACE`.
fn is_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Finds where the expression of a field ends: at a top-level `!`, `:`, `}` or
/// `=` that is not part of `!=`, `==`, `<=`, `>=`. Strings inside are skipped;
/// brackets must balance. Leaves `scan.pos` there.
fn find_expr_end(cx: &mut Context<'_>, scan: &mut Scan<'_>) -> Result<usize, SyntaxError> {
    let mut quote: Option<(u8, bool)> = None; // (quote char, triple-quoted)
    let mut brackets: Vec<u8> = Vec::new();
    while let Some(ch) = scan.byte(scan.pos) {
        if ch == b'\\' {
            return Err(cx.host.syntax_error("f-string expression part cannot include a backslash"));
        }
        if let Some((q, triple)) = quote {
            if ch == q {
                if !triple {
                    quote = None;
                } else if scan.pos + 2 < scan.end && scan.byte(scan.pos + 1) == Some(q) && scan.byte(scan.pos + 2) == Some(q) {
                    scan.pos += 2;
                    quote = None;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            let triple = scan.pos + 2 < scan.end && scan.byte(scan.pos + 1) == Some(ch) && scan.byte(scan.pos + 2) == Some(ch);
            if triple {
                scan.pos += 2;
            }
            quote = Some((ch, triple));
        } else if matches!(ch, b'[' | b'{' | b'(') {
            if brackets.len() >= MAX_BRACKET_DEPTH {
                return Err(cx.host.syntax_error("f-string: too many nested parenthesis"));
            }
            brackets.push(ch);
        } else if ch == b'#' {
            return Err(cx.host.syntax_error("f-string expression part cannot include '#'"));
        } else if brackets.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            if scan.byte(scan.pos + 1) == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                scan.pos += 2;
                continue;
            }
            if ch != b'>' && ch != b'<' {
                break;
            }
        } else if matches!(ch, b']' | b'}' | b')') {
            let Some(opening) = brackets.pop() else {
                return Err(cx.host.syntax_error(&format!("f-string: unmatched '{}'", ch as char)));
            };
            if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                return Err(cx.host.syntax_error(&format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, opening as char
                )));
            }
        }
        scan.pos += 1;
    }
    if quote.is_some() {
        return Err(cx.host.syntax_error("f-string: unterminated string"));
    }
    if let Some(&opening) = brackets.last() {
        return Err(cx.host.syntax_error(&format!("f-string: unmatched '{}'", opening as char)));
    }
    Ok(scan.pos)
}

/// `fstring_compile_expr`: rejects an empty expression, then has the host parse
/// `(expr)` with CPython's position shift for the field at `brace`.
fn compile_expr(
    cx: &mut Context<'_>,
    scan: &mut Scan<'_>,
    brace: usize,
    expr_start: usize,
    expr_end: usize,
    terminator: u8,
) -> Result<Expr, SyntaxError> {
    let bytes = scan.text.as_bytes();
    let expr_bytes = bytes.get(expr_start..expr_end).unwrap_or_default();
    if expr_bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c')) {
        if matches!(terminator, b'!' | b':' | b'=') {
            return Err(cx.host.syntax_error(&format!("f-string: expression required before '{}'", terminator as char)));
        }
        return Err(cx.host.syntax_error("f-string: empty expression not allowed"));
    }
    let (lines, cols) = expr_location(bytes, brace, &mut scan.lines_seen);
    let token = scan.token;
    let starting_lineno = token.lineno as i32 + lines;
    let starting_col_offset = if lines != 0 { cols } else { token.col as i32 + cols };
    // Both ends are ASCII bytes (after `{`, at the terminator).
    let Some(expr) = scan.text.get(expr_start..expr_end) else {
        return Err(cx.host.syntax_error("f-string: invalid expression"));
    };
    let mut wrapped = String::with_capacity(expr.len() + 2);
    wrapped.push('(');
    wrapped.push_str(expr);
    wrapped.push(')');
    cx.host.parse_fstring_expr(&wrapped, starting_lineno, starting_col_offset)
}

/// `fstring_find_expr_location`: how many lines the field's `{` is below the
/// token's first line, and the column shift for the expression's first line:
/// the `{`'s column, or 0 when only whitespace follows it up to a newline (or
/// up to the `}`).
fn expr_location(text: &[u8], brace: usize, lines_seen: &mut (usize, i32, Option<usize>)) -> (i32, i32) {
    // The end of the text counts as a non-space (CPython meets the string's NUL).
    let mut newline_after_brace = false;
    for &b in text.get(brace + 1..).unwrap_or_default() {
        match b {
            b'}' | b'\n' => {
                newline_after_brace = true;
                break;
            }
            b' ' | b'\t' | b'\x0c' => {}
            _ => break,
        }
    }
    let (seen_to, mut lines, mut last_newline) = *lines_seen;
    let from = if seen_to <= brace { seen_to } else { (lines, last_newline) = (0, None); 0 };
    for (i, &b) in text.get(from..brace).unwrap_or_default().iter().enumerate() {
        if b == b'\n' {
            lines += 1;
            last_newline = Some(from + i);
        }
    }
    *lines_seen = (brace, lines, last_newline);
    let mut cols = 0;
    if !newline_after_brace {
        cols = match last_newline {
            Some(newline) => (brace - newline - 1) as i32,
            None => brace as i32,
        };
    }
    (lines, cols)
}
