//! String, bytes and f-string literals, and number literals: CPython 3.11's
//! `Parser/string_parser.c` and the number parsing of `Parser/pegen.c`.

mod escapes;
mod fstring;
mod number;
mod unicode_names;

use crate::ast::{Constant, Expr, ExprKind, Loc};
use crate::error::{CompileWarning, SyntaxError, WarningCategory};
use crate::pystr::PyStr;
use crate::token::Token;

use escapes::{DecodeError, InvalidEscape};

/// What the string parser needs from the parser that called it.
pub trait StringHost {
    /// Parses the expression of an f-string replacement field as CPython 3.11's
    /// `fstring_compile_expr` does: `expr` is the expression text already wrapped
    /// in parentheses (`"(" + text + ")"`), parsed with the `fstring` start rule;
    /// every token position is shifted as `_PyPegen_fill_token` shifts them for a
    /// sub-parser whose `starting_lineno`/`starting_col_offset` are the given
    /// values. SyntaxErrors raised inside carry CPython's "f-string: " prefix.
    fn parse_fstring_expr(&mut self, expr: &str, starting_lineno: i32, starting_col_offset: i32) -> Result<Expr, SyntaxError>;

    /// A SyntaxError located as CPython's `RAISE_SYNTAX_ERROR(msg)` locates it
    /// (the last token the parser has fetched).
    fn syntax_error(&mut self, msg: &str) -> SyntaxError;

    /// A SyntaxError spanning `token` (CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    fn syntax_error_at_token(&mut self, token: &Token, msg: &str) -> SyntaxError;
    /// The error `syntax_error_at_token` would give, leaving the host's state as it was
    /// (for a warning's would-be error).
    fn detached_error_at_token(&mut self, token: &Token, msg: &str) -> SyntaxError {
        self.syntax_error_at_token(token, msg)
    }

    /// Emits a compile-time warning (invalid escape sequences). An error
    /// result means the warning was turned into an error (`-W error`); the
    /// string parser then raises, as CPython does, a SyntaxError with the
    /// warning's message spanning the string token (the error returned here is
    /// not used).
    fn warn(&mut self, warning: CompileWarning) -> Result<(), SyntaxError>;
}

/// The `strings` rule's action (`_PyPegen_concatenate_strings`): turns the adjacent
/// STRING tokens into one `Constant` (str or bytes) or `JoinedStr` expression.
/// The texts are `tokenizer::token_text(source, token)` (`\r\n` and `\r` inside
/// a token read as `\n`).
pub fn concatenate_strings(host: &mut dyn StringHost, source: &str, tokens: &[Token]) -> Result<Expr, SyntaxError> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Err(host.syntax_error("invalid syntax"));
    };
    let mut cx = Context { host, source, first, last };
    let mut bytes_value: Option<Vec<u8>> = None;
    let mut joined = fstring::Joined::new();
    for (i, token) in tokens.iter().enumerate() {
        // Line ends inside a token read as `\n`, as CPython translates them.
        let text = crate::tokenizer::token_text(source, token);
        let text = text.as_ref();
        let Some(literal) = split_literal(text) else {
            return Err(cx.host.syntax_error("invalid string literal"));
        };
        // Invariant: split_literal's range ends at quote bytes (ASCII), so it
        // lies on char boundaries within `text`.
        let body = &text[literal.body.clone()];
        let value = if literal.fstring {
            None
        } else {
            Some(cx.plain_value(token, body, literal.bytes, literal.raw)?)
        };
        if i != 0 && literal.bytes != bytes_value.is_some() {
            return Err(cx.host.syntax_error("cannot mix bytes and nonbytes literals"));
        }
        match value {
            None => fstring::parse_fstring(&mut cx, &mut joined, token, text, literal.body, literal.raw)?,
            Some(PlainValue::Bytes(b)) => match &mut bytes_value {
                Some(acc) => acc.extend_from_slice(&b),
                None => bytes_value = Some(b),
            },
            Some(PlainValue::Str(s)) => joined.push_literal(s),
        }
    }
    if let Some(b) = bytes_value {
        return Ok(Expr::new(span(first, last), ExprKind::Constant { value: Constant::Bytes(b), kind: None }));
    }
    Ok(joined.finish(&cx, first, last))
}

/// The value of a NUMBER token (`_PyPegen_number_token`): an int, a float or an
/// imaginary number. The tokenizer has already checked the literal's form.
///
/// The one error 3.11 gives here is the int digit limit: the error is the
/// ValueError's message ("Exceeds the limit (4300 digits) ... to increase the
/// limit"), to which the SyntaxError adds " - Consider hexadecimal for huge
/// integer literals to avoid decimal conversion limits."; CPython locates it at
/// the token's lines with no columns.
pub fn parse_number(text: &str) -> Result<Constant, String> {
    number::parse_number(text)
}

pub use number::set_int_max_str_digits;

/// The parts of a string token: its prefix letters and the body between the quotes.
struct Literal {
    bytes: bool,
    raw: bool,
    fstring: bool,
    body: std::ops::Range<usize>,
}

/// Splits a STRING token's text as `_PyPegen_parsestr` does; `None` for text that
/// no tokenizer produces as a string.
fn split_literal(text: &str) -> Option<Literal> {
    let b = text.as_bytes();
    let (mut bytes, mut raw, mut fstring) = (false, false, false);
    let mut i = 0;
    loop {
        match b.get(i)? {
            b'b' | b'B' => bytes = true,
            b'r' | b'R' => raw = true,
            b'u' | b'U' => {}
            b'f' | b'F' => fstring = true,
            _ => break,
        }
        i += 1;
    }
    let quote = *b.get(i)?;
    if (quote != b'\'' && quote != b'"') || (fstring && bytes) || b.len() < i + 2 || b[b.len() - 1] != quote {
        return None;
    }
    let mut start = i + 1;
    let mut end = b.len() - 1;
    if end - start >= 4 && b[start] == quote && b[start + 1] == quote {
        start += 2;
        end -= 2;
        if b[end] != quote || b[end + 1] != quote {
            return None;
        }
    }
    Some(Literal { bytes, raw, fstring, body: start..end })
}

enum PlainValue {
    Str(PyStr),
    Bytes(Vec<u8>),
}

/// What the string parser works with while handling one `strings` rule.
pub(crate) struct Context<'a> {
    host: &'a mut dyn StringHost,
    source: &'a str,
    /// The first and last STRING tokens of the concatenation.
    first: &'a Token,
    last: &'a Token,
}

impl Context<'_> {
    /// The value of a literal without `f` (`_PyPegen_parsestr`).
    fn plain_value(&mut self, token: &Token, body: &str, bytes: bool, raw: bool) -> Result<PlainValue, SyntaxError> {
        let raw = raw || !body.as_bytes().contains(&b'\\');
        if bytes {
            if !body.is_ascii() {
                return Err(self.host.syntax_error_at_token(token, "bytes can only contain ASCII literal characters"));
            }
            if raw {
                return Ok(PlainValue::Bytes(body.as_bytes().to_vec()));
            }
            let (value, invalid) = escapes::decode_bytes(body.as_bytes()).map_err(|e| self.decode_error(e))?;
            self.warn_invalid_escape(token, invalid)?;
            Ok(PlainValue::Bytes(value))
        } else if raw {
            Ok(PlainValue::Str(PyStr::from(body)))
        } else {
            self.decode_str(token, body).map(PlainValue::Str)
        }
    }

    /// Decodes escapes in a str literal or f-string literal piece, warning about
    /// the first invalid escape.
    fn decode_str(&mut self, token: &Token, body: &str) -> Result<PyStr, SyntaxError> {
        let (value, invalid) = escapes::decode_str(body).map_err(|e| self.decode_error(e))?;
        self.warn_invalid_escape(token, invalid)?;
        Ok(value)
    }

    fn decode_error(&mut self, error: DecodeError) -> SyntaxError {
        self.host.syntax_error(&error.message())
    }

    fn warn_invalid_escape(&mut self, token: &Token, invalid: Option<InvalidEscape>) -> Result<(), SyntaxError> {
        match invalid {
            Some(invalid) => self.warn_deprecated(token, invalid.message()),
            None => Ok(()),
        }
    }

    /// `warn_invalid_escape_sequence`: a DeprecationWarning at the token's line;
    /// when warnings are errors, a SyntaxError spanning the token.
    fn warn_deprecated(&mut self, token: &Token, msg: String) -> Result<(), SyntaxError> {
        let error = self.host.detached_error_at_token(token, &msg);
        let warning = CompileWarning {
            category: WarningCategory::DeprecationWarning,
            msg,
            lineno: token.lineno,
            as_error: Some(Box::new(error.clone())),
        };
        match self.host.warn(warning) {
            Ok(()) => Ok(()),
            Err(_) => Err(error),
        }
    }
}

/// The location from the start of `first` to the end of `last`.
fn span(first: &Token, last: &Token) -> Loc {
    Loc::new(first.lineno, first.col, last.end_lineno, last.end_col)
}

#[cfg(test)]
mod tests;
