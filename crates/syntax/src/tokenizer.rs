//! The tokenizer: CPython 3.11's `Parser/tokenizer.c` behaviour.
use crate::error::SyntaxError;
use crate::token::{OpenBracket, Token};

/// The whole token stream of a source, up to the first tokenizer error.
///
/// CPython's tokenizer runs lazily, so its error surfaces only when the parser
/// asks for the token where it occurs: the parser reports `error` when it needs
/// a token past the end of `tokens`.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// Brackets left open when the ENDMARKER was produced (innermost last).
    pub open_brackets_at_eof: Vec<OpenBracket>,
}

pub fn tokenize(source: &str) -> Tokens {
    let _ = source;
    unimplemented!("tokenizer")
}
