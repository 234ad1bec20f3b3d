//! String, bytes and f-string literals, and number literals: CPython 3.11's
//! `Parser/string_parser.c` and the number parsing of `Parser/pegen.c`.

use crate::ast::{Constant, Expr};
use crate::error::{CompileWarning, SyntaxError};
use crate::token::Token;

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

    /// Emits a compile-time warning (invalid escape sequences). An error
    /// result means the warning was turned into an error (`-W error`).
    fn warn(&mut self, warning: CompileWarning) -> Result<(), SyntaxError>;
}

/// The `strings` rule's action (`_PyPegen_concatenate_strings`): turns the adjacent
/// STRING tokens into one `Constant` (str or bytes) or `JoinedStr` expression.
/// The texts are `&source[token.start..token.end]`.
pub fn concatenate_strings(host: &mut dyn StringHost, source: &str, tokens: &[Token]) -> Result<Expr, SyntaxError> {
    let _ = (host, source, tokens);
    unimplemented!("string literals")
}

/// The value of a NUMBER token (`_PyPegen_number_token`): an int, a float or an
/// imaginary number. The tokenizer has already checked the literal's form; the
/// error is a message for a SyntaxError at the token (e.g. the int digit limit).
pub fn parse_number(text: &str) -> Result<Constant, String> {
    let _ = text;
    unimplemented!("number literals")
}
