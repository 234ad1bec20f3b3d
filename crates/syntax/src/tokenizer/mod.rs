//! The tokenizer: CPython 3.11's `Parser/tokenizer.c` behaviour, as its PEG
//! parser sees it.
//!
//! The whole source is tokenized eagerly into [`Tokens`]. Internally the
//! scanner mirrors the C tokenizer's state (current line, `tok->buf`,
//! `line_start`, the lazily read next line) because CPython's error positions
//! and texts are derived from that state. The scanner runs over a copy of the
//! source whose line endings are `\n` only, as CPython's `translate_newlines`
//! makes them; token offsets are mapped back to the caller's source at the end.
//!
//! Token positions follow `_PyPegen_fill_token`: `lineno`/`col` of STRING
//! tokens are those of their first line, NEWLINE is zero-width at its `\n`
//! (starting at the `#` when a comment precedes it). CPython gives INDENT,
//! DEDENT and ENDMARKER the column -1; for those tokens `col` and `end_col`
//! hold instead the column pegen falls back to when it reports an error at
//! such a token (`tok->cur - line_start`, to be used without adding 1, with
//! an `end_offset` of -1).

mod unicode_tables;

#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::error::{CompileWarning, SyntaxError, SyntaxErrorKind, WarningCategory};
use crate::token::{Keyword, OpenBracket, Token, TokenKind};

/// Columns a tab advances to a multiple of.
const TABSIZE: usize = 8;
/// Indentation stack depth (`MAXINDENT`): 99 nested blocks are allowed.
const MAX_INDENT: usize = 100;
/// Bracket nesting limit (`MAXLEVEL`).
const MAX_LEVEL: usize = 200;
/// `nextc` result at the end of input.
const EOF: i32 = -1;

/// The whole token stream of a source, up to the first tokenizer error.
///
/// CPython's tokenizer runs lazily, so its error surfaces only when the parser
/// asks for the token where it occurs: the parser reports `error` when it needs
/// a token past the end of `tokens`.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
    /// Brackets still open where tokenization stopped (innermost last): at the
    /// end of input inside brackets (then `error` is None and no ENDMARKER was
    /// produced: pegen raises "'(' was never closed"), or at a tokenizer error
    /// (pegen's full-source check then may prefer the unclosed bracket).
    pub open_brackets_at_eof: Vec<OpenBracket>,
    /// Warnings the tokenizer emits (SyntaxWarning "invalid decimal literal"
    /// for `1if x else y` and the like), in order.
    pub warnings: Vec<CompileWarning>,
    /// For each entry of `warnings`: where it is emitted and the error it
    /// becomes when warnings are errors.
    pub warning_sites: Vec<WarningSite>,
    /// True when `error` is one CPython's tokenizer raises itself (invalid
    /// literals, unterminated strings, brackets, invalid characters, null
    /// bytes, decoding). Such an error also replaces a syntax error the parser
    /// found earlier in the file, because pegen tokenizes the rest of the
    /// source before reporting one. False for the errors pegen derives from
    /// the tokenizer's state (TabError, IndentationError "unindent does not
    /// match"/"too many levels", line continuation, unexpected EOF): those
    /// count only when the parser reaches them.
    pub error_raised_by_tokenizer: bool,
    /// Whether pegen converts error columns from UTF-8 bytes to characters
    /// (see [`TokenizeOptions::columns_as_chars`]).
    pub columns_as_chars: bool,
    /// Whether error texts come from the file (see
    /// [`TokenizeOptions::text_from_file`]).
    pub text_from_file: bool,
    /// See [`TokenizeOptions::bom`].
    pub bom: bool,
    /// For each line number L (index L; index 0 unused): the first line of
    /// CPython's tokenizer buffer (`tok->buf`) while L is the line read last.
    /// It is L itself unless L was reached inside a token (a multi-line
    /// string, a backslash continuation).
    pub buffer_first_line: Vec<u32>,
}

/// Where a tokenizer warning is emitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarningSite {
    /// Index in `Tokens::tokens` of the token whose scanning emits the
    /// warning: CPython emits it only if the parser fetches that token.
    pub token_index: usize,
    /// The SyntaxError CPython raises instead when the warning is turned into
    /// an error (`-W error`).
    pub error: SyntaxError,
}

/// How to tokenize; [`tokenize`] uses the defaults.
#[derive(Clone, Debug)]
pub struct TokenizeOptions {
    /// Exec (file) input: CPython appends a newline when the text does not end
    /// with one. False for `eval`/`single` compiles of a string.
    pub exec_input: bool,
    /// Whether pegen converts error columns from UTF-8 bytes to characters:
    /// CPython does so only when `tok->encoding` is set, i.e. for `str`
    /// input and for byte sources with a BOM or coding cookie.
    pub columns_as_chars: bool,
    /// A decoding error CPython meets when it reads the line just past the
    /// end of the text (a file read line by line): it becomes the error of
    /// whichever token needs that line.
    pub error_at_end: Option<SyntaxError>,
    /// Source read from a file (`python3.11 FILE`): pegen takes the text of
    /// its errors from the file's line (`_PyErr_ProgramDecodedTextObject`)
    /// rather than from the tokenizer's buffer as for `compile(str)`.
    pub text_from_file: bool,
    /// The file began with a UTF-8 BOM: its first line, as an error text
    /// read from the file, still holds it.
    pub bom: bool,
}

impl Default for TokenizeOptions {
    fn default() -> Self {
        TokenizeOptions { exec_input: true, columns_as_chars: true, error_at_end: None, text_from_file: false, bom: false }
    }
}

/// Tokenizes `source` as `compile(source, filename, 'exec')` does.
pub fn tokenize(source: &str) -> Tokens {
    tokenize_with(source, &TokenizeOptions::default())
}

/// Tokenizes `source` with explicit options.
pub fn tokenize_with(source: &str, options: &TokenizeOptions) -> Tokens {
    // A file gets a newline only after a last line lacking one; an empty
    // file has no line at all.
    let exec_input = options.exec_input && !(options.text_from_file && source.is_empty());
    let normalized = Normalized::new(source, exec_input, !options.text_from_file);
    let mut tokenizer = Tokenizer::new(&normalized.text, options);
    tokenizer.added_newline = normalized.added_newline;
    tokenizer.run();
    let mut out = tokenizer.out;
    normalized.map_offsets_back(&mut out.tokens, source.len());
    out
}

impl Tokens {
    /// The `text` pegen gives a SyntaxError located on line `error_line`,
    /// when the last token the parser fetched ended on line `current_line`
    /// (that token's `end_lineno`). `source` is the text that was tokenized.
    ///
    /// For `compile(str)`: the tokenizer's buffer (from `tok->buf` to the end
    /// of the current line, newline included) if the error is on the current
    /// line, else the error's line without its newline. From a file: the
    /// file's line (CPython keeps only the last 999-byte piece of a longer
    /// line), falling back to the former when there is none.
    pub fn error_text(&self, source: &str, current_line: u32, error_line: u32) -> String {
        let lines = SourceLines::new(source.as_bytes());
        let first = self.buffer_first_line.get(current_line as usize).copied().unwrap_or(current_line);
        error_text(&lines, self.text_from_file, self.bom, self.columns_as_chars, first, current_line, error_line)
    }

    /// A 1-based byte offset into `text` as pegen reports it: converted to
    /// characters when `columns_as_chars`.
    pub fn error_offset(&self, text: &str, offset: i64) -> i64 {
        if self.columns_as_chars {
            byte_offset_to_char_offset(text, offset)
        } else {
            offset
        }
    }
}

/// Line access over a text (any line endings) for error texts.
struct SourceLines<'a> {
    bytes: &'a [u8],
}

impl<'a> SourceLines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        SourceLines { bytes }
    }

    /// Byte range of line `lineno` (1-based) including its line end, if the
    /// text has that line.
    fn line(&self, lineno: u32) -> Option<(usize, usize)> {
        if lineno == 0 {
            return None;
        }
        let b = self.bytes;
        let mut start = 0;
        let mut n = 1;
        loop {
            if start >= b.len() {
                return None;
            }
            let rest = &b[start..];
            let end = match rest.iter().position(|&c| c == b'\n' || c == b'\r') {
                None => b.len(),
                Some(i) => {
                    let e = start + i;
                    if b[e] == b'\r' && b.get(e + 1) == Some(&b'\n') {
                        e + 2
                    } else {
                        e + 1
                    }
                }
            };
            if n == lineno {
                return Some((start, end));
            }
            n += 1;
            start = end;
        }
    }

    /// Lines `first..=last` with line ends as `\n`; `add_newline` supplies
    /// the newline CPython's string tokenizer appends to a last line.
    fn text(&self, first: u32, last: u32, add_newline: bool) -> Option<String> {
        let (start, _) = self.line(first)?;
        let (_, end) = self.line(last)?;
        let mut out = String::from_utf8_lossy(&self.bytes[start..end]).replace("\r\n", "\n").replace('\r', "\n");
        if add_newline && !out.ends_with('\n') {
            out.push('\n');
        }
        Some(out)
    }
}

/// See [`Tokens::error_text`]; `buffer_first` is the first line of the
/// tokenizer's buffer.
fn error_text(
    lines: &SourceLines,
    from_file: bool,
    bom: bool,
    columns_as_chars: bool,
    buffer_first: u32,
    current_line: u32,
    error_line: u32,
) -> String {
    if from_file {
        if let Some((start, end)) = lines.line(error_line) {
            let raw = &lines.bytes[start..end];
            let mut line: Vec<u8> = if raw.ends_with(b"\r\n") {
                [&raw[..raw.len() - 2], b"\n"].concat()
            } else if raw.ends_with(b"\r") {
                [&raw[..raw.len() - 1], b"\n"].concat()
            } else {
                raw.to_vec()
            };
            if bom && error_line == 1 {
                line.splice(0..0, *b"\xEF\xBB\xBF");
            }
            // `err_programtext` reads a line in pieces of 999 bytes and
            // keeps the last one.
            let piece = if line.len() > 999 { &line[(line.len() - 1) / 999 * 999..] } else { &line[..] };
            if columns_as_chars {
                return String::from_utf8_lossy(piece).into_owned();
            }
            // Without a declared encoding the piece must be valid UTF-8.
            if let Ok(s) = std::str::from_utf8(piece) {
                return s.to_string();
            }
        }
    }
    if current_line <= error_line && current_line > 0 {
        if let Some(t) = lines.text(buffer_first.max(1), current_line, true) {
            return t;
        }
    }
    match lines.line(error_line) {
        Some((start, end)) => {
            let line = &lines.bytes[start..end];
            let len = line.iter().position(|&c| c == b'\n' || c == b'\r').unwrap_or(line.len());
            String::from_utf8_lossy(&line[..len]).into_owned()
        }
        None => String::new(),
    }
}

/// The text of a NAME token as the parser uses it: non-ASCII identifiers are
/// NFKC-normalized (PEP 3131), as `_PyPegen_new_identifier` does.
pub fn identifier_text<'a>(source: &'a str, token: &Token) -> Cow<'a, str> {
    let text = source.get(token.start as usize..token.end as usize).unwrap_or("");
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        use unicode_normalization::UnicodeNormalization;
        Cow::Owned(text.nfkc().collect())
    }
}

/// The text of a token as CPython's parser sees it: line ends inside it
/// (a multi-line STRING token in a CRLF or CR source) read as `\n`.
pub fn token_text<'a>(source: &'a str, token: &Token) -> Cow<'a, str> {
    let text = source.get(token.start as usize..token.end as usize).unwrap_or("");
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The source with CPython's newline translation applied: `\r\n` and lone
/// `\r` become `\n`, and exec input gets a final `\n` if it lacks one.
struct Normalized<'a> {
    text: Cow<'a, [u8]>,
    /// Offsets (in `text`) of the `\n`s that stand for a `\r\n` pair: each
    /// one shifts later offsets by one byte when mapping back.
    crlf_at: Vec<usize>,
    /// Whether a final `\n` was appended.
    added_newline: bool,
}

impl<'a> Normalized<'a> {
    /// `string_quirk`: `translate_newlines` for a string (not a file)
    /// appends a second newline after a final `\r\n`.
    fn new(source: &'a str, exec_input: bool, string_quirk: bool) -> Self {
        let bytes = source.as_bytes();
        let needs_newline = exec_input && bytes.last() != Some(&b'\n') && bytes.last() != Some(&b'\r');
        if !bytes.contains(&b'\r') {
            if !needs_newline {
                return Normalized { text: Cow::Borrowed(bytes), crlf_at: Vec::new(), added_newline: false };
            }
            let mut text = Vec::with_capacity(bytes.len() + 1);
            text.extend_from_slice(bytes);
            text.push(b'\n');
            return Normalized { text: Cow::Owned(text), crlf_at: Vec::new(), added_newline: true };
        }
        let mut text = Vec::with_capacity(bytes.len() + 1);
        let mut crlf_at = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\r' {
                if bytes.get(i + 1) == Some(&b'\n') {
                    crlf_at.push(text.len());
                    i += 1;
                }
                text.push(b'\n');
            } else {
                text.push(b);
            }
            i += 1;
        }
        let quirk = exec_input && string_quirk && bytes.ends_with(b"\r\n");
        if needs_newline || quirk {
            text.push(b'\n');
        }
        Normalized { text: Cow::Owned(text), crlf_at, added_newline: needs_newline || quirk }
    }

    /// Maps token offsets from the normalized text back to the source. An
    /// offset at or past the implicit final newline maps to the source's end.
    fn map_offsets_back(&self, tokens: &mut [Token], source_len: usize) {
        let clamp = |x: usize| x.min(source_len) as u32;
        if self.crlf_at.is_empty() {
            if self.text.len() != source_len {
                for t in tokens.iter_mut() {
                    t.start = clamp(t.start as usize);
                    t.end = clamp(t.end as usize);
                }
            }
            return;
        }
        // Offsets are non-decreasing along the stream except that a token's
        // end exceeds the next start by nothing; a binary search per offset
        // keeps this simple and is only paid for CRLF sources.
        let shift = |x: usize| x + self.crlf_at.partition_point(|&n| n < x);
        for t in tokens.iter_mut() {
            t.start = clamp(shift(t.start as usize));
            t.end = clamp(shift(t.end as usize));
        }
    }
}

/// What stopped the tokenizer (`tok->done`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Done {
    Ok,
    /// End of input reached normally.
    Eof,
    /// An error was recorded.
    Error,
    /// The next line could not be decoded (`E_DECODE`).
    Decode,
}

/// One result of `get`: a token with its extent, a token without one
/// (INDENT/DEDENT/ENDMARKER), or the end of tokenization.
enum Step {
    Token(TokenKind, usize, usize),
    NoExtent(TokenKind),
    Stop,
}

struct Paren {
    ch: u8,
    lineno: u32,
    col: u32,
}

struct Tokenizer<'a> {
    /// The normalized text; every line but possibly the last ends in `\n`.
    buf: &'a [u8],
    /// Next byte to read.
    cur: usize,
    /// End of the line read so far (just past its `\n`).
    inp: usize,
    /// Start of the current line.
    line_start: usize,
    /// CPython's `tok->buf`: where the text of pegen-raised errors starts.
    /// It moves to each new line read, except while a token is being read.
    buf_start: usize,
    /// Number of the line read last.
    lineno: u32,
    /// CPython's `tok->start`: start of the token being read, if any.
    tok_start: Option<usize>,
    atbol: bool,
    pendin: i32,
    indent: usize,
    indstack: [usize; MAX_INDENT],
    altindstack: [usize; MAX_INDENT],
    parens: Vec<Paren>,
    done: Done,
    /// First line and line start of the STRING token being read.
    first_lineno: u32,
    multi_line_start: usize,
    /// Offset of the first NUL byte, if any (its line is refused when read).
    first_nul: Option<usize>,
    columns_as_chars: bool,
    error_at_end: Option<SyntaxError>,
    /// Reading the line past the text met `error_at_end`.
    decode_failed: bool,
    /// Line number of `buf_start`.
    buf_line: u32,
    text_from_file: bool,
    bom: bool,
    /// Whether the final `\n` of `buf` was added (not in the source).
    added_newline: bool,
    out: Tokens,
}

/// `is_potential_identifier_start`: ASCII letters, `_`, and any non-ASCII byte.
#[inline]
fn is_identifier_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

/// `is_potential_identifier_char`.
#[inline]
fn is_identifier_char(c: i32) -> bool {
    is_identifier_start(c) || (c >= b'0' as i32 && c <= b'9' as i32)
}

#[inline]
fn is_identifier_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 128
}

#[inline]
fn is_digit(c: i32) -> bool {
    c >= b'0' as i32 && c <= b'9' as i32
}

#[inline]
fn is_xdigit(c: i32) -> bool {
    is_digit(c) || (c >= b'a' as i32 && c <= b'f' as i32) || (c >= b'A' as i32 && c <= b'F' as i32)
}

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    let i = table.partition_point(|&(_, hi)| hi < cp);
    matches!(table.get(i), Some(&(lo, _)) if lo <= cp)
}

/// Unicode XID_Start as CPython 3.11 sees it (`_` included): also `str.isidentifier`'s rule.
pub fn is_xid_start(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphabetic() || ch == '_'
    } else {
        in_ranges(unicode_tables::XID_START, ch as u32)
    }
}

/// Unicode XID_Continue as CPython 3.11 sees it.
pub fn is_xid_continue(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric() || ch == '_'
    } else {
        in_ranges(unicode_tables::XID_CONTINUE, ch as u32)
    }
}

/// `Py_UNICODE_ISPRINTABLE`.
pub(crate) fn is_printable(ch: char) -> bool {
    if ch.is_ascii() {
        (' '..='~').contains(&ch)
    } else {
        in_ranges(unicode_tables::PRINTABLE, ch as u32)
    }
}

fn keyword(name: &[u8]) -> Option<Keyword> {
    use Keyword::*;
    Some(match name {
        b"False" => False,
        b"None" => None,
        b"True" => True,
        b"and" => And,
        b"as" => As,
        b"assert" => Assert,
        b"async" => Async,
        b"await" => Await,
        b"break" => Break,
        b"class" => Class,
        b"continue" => Continue,
        b"def" => Def,
        b"del" => Del,
        b"elif" => Elif,
        b"else" => Else,
        b"except" => Except,
        b"finally" => Finally,
        b"for" => For,
        b"from" => From,
        b"global" => Global,
        b"if" => If,
        b"import" => Import,
        b"in" => In,
        b"is" => Is,
        b"lambda" => Lambda,
        b"nonlocal" => Nonlocal,
        b"not" => Not,
        b"or" => Or,
        b"pass" => Pass,
        b"raise" => Raise,
        b"return" => Return,
        b"try" => Try,
        b"while" => While,
        b"with" => With,
        b"yield" => Yield,
        _ => return Option::None,
    })
}

fn one_char(c: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match c {
        b'%' => Percent,
        b'&' => Amper,
        b'(' => Lpar,
        b')' => Rpar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => Lsqb,
        b']' => Rsqb,
        b'^' => Circumflex,
        b'{' => Lbrace,
        b'|' => Vbar,
        b'}' => Rbrace,
        b'~' => Tilde,
        _ => return None,
    })
}

fn two_chars(c1: i32, c2: i32) -> Option<TokenKind> {
    use TokenKind::*;
    let (Ok(c1), Ok(c2)) = (u8::try_from(c1), u8::try_from(c2)) else { return None };
    Some(match (c1, c2) {
        (b'!', b'=') => NotEqual,
        (b'%', b'=') => PercentEqual,
        (b'&', b'=') => AmperEqual,
        (b'*', b'*') => DoubleStar,
        (b'*', b'=') => StarEqual,
        (b'+', b'=') => PlusEqual,
        (b'-', b'=') => MinEqual,
        (b'-', b'>') => Rarrow,
        (b'/', b'/') => DoubleSlash,
        (b'/', b'=') => SlashEqual,
        (b':', b'=') => ColonEqual,
        (b'<', b'<') => LeftShift,
        (b'<', b'=') => LessEqual,
        // `<>` is NOTEQUAL too; the parser refuses it by its text.
        (b'<', b'>') => NotEqual,
        (b'=', b'=') => EqEqual,
        (b'>', b'=') => GreaterEqual,
        (b'>', b'>') => RightShift,
        (b'@', b'=') => AtEqual,
        (b'^', b'=') => CircumflexEqual,
        (b'|', b'=') => VbarEqual,
        _ => return None,
    })
}

fn three_chars(c1: i32, c2: i32, c3: i32) -> Option<TokenKind> {
    use TokenKind::*;
    let (Ok(c1), Ok(c2), Ok(c3)) = (u8::try_from(c1), u8::try_from(c2), u8::try_from(c3)) else {
        return None;
    };
    Some(match (c1, c2, c3) {
        (b'*', b'*', b'=') => DoubleStarEqual,
        (b'.', b'.', b'.') => Ellipsis,
        (b'/', b'/', b'=') => DoubleSlashEqual,
        (b'<', b'<', b'=') => LeftShiftEqual,
        (b'>', b'>', b'=') => RightShiftEqual,
        _ => return None,
    })
}

/// Number of characters in `bytes` decoded as UTF-8 with "replace".
fn char_count_lossy(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.chars().count(),
        Err(_) => String::from_utf8_lossy(bytes).chars().count(),
    }
}

/// `_PyPegen_byte_offset_to_character_offset`: a 1-based byte offset into
/// `text` as a 1-based character offset.
pub(crate) fn byte_offset_to_char_offset(text: &str, offset: i64) -> i64 {
    if offset <= 0 {
        return offset;
    }
    // CPython works on the C string, which ends at the first NUL; an offset
    // just past its end counts the terminator as one more character.
    let bytes = text.as_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let offset = offset as usize;
    if offset > len {
        (char_count_lossy(&bytes[..len]) + 1) as i64
    } else {
        char_count_lossy(&bytes[..offset]) as i64
    }
}

impl<'a> Tokenizer<'a> {
    fn new(buf: &'a [u8], options: &TokenizeOptions) -> Self {
        let first_nul = buf.iter().position(|&b| b == 0);
        Tokenizer {
            buf,
            cur: 0,
            inp: 0,
            line_start: 0,
            buf_start: 0,
            lineno: 0,
            tok_start: None,
            atbol: true,
            pendin: 0,
            indent: 0,
            indstack: [0; MAX_INDENT],
            altindstack: [0; MAX_INDENT],
            parens: Vec::new(),
            done: Done::Ok,
            first_lineno: 0,
            multi_line_start: 0,
            first_nul,
            columns_as_chars: options.columns_as_chars,
            error_at_end: options.error_at_end.clone(),
            decode_failed: false,
            buf_line: 0,
            text_from_file: options.text_from_file,
            bom: options.bom,
            added_newline: false,
            out: Tokens {
                tokens: Vec::with_capacity(buf.len() / 5 + 4),
                columns_as_chars: options.columns_as_chars,
                text_from_file: options.text_from_file,
                bom: options.bom,
                buffer_first_line: vec![0],
                ..Tokens::default()
            },
        }
    }

    fn run(&mut self) {
        loop {
            let step = self.get();
            if self.decode_failed {
                // Whatever the token was, CPython turns it into the decoding
                // error (`_PyTokenizer_Get`).
                if let Some(err) = self.error_at_end.take() {
                    self.out.error = Some(err);
                    self.out.error_raised_by_tokenizer = true;
                }
                break;
            }
            match step {
                Step::Token(kind, start, end) => self.push(kind, start, end),
                Step::NoExtent(kind) => {
                    // pegen's fallback column for tokens with col_offset -1.
                    let col = if self.cur == self.buf_start { 0 } else { self.cur - self.line_start };
                    self.out.tokens.push(Token {
                        kind,
                        start: self.cur as u32,
                        end: self.cur as u32,
                        lineno: self.lineno,
                        col: col as u32,
                        end_lineno: self.lineno,
                        end_col: col as u32,
                    });
                    if kind == TokenKind::EndMarker {
                        break;
                    }
                }
                Step::Stop => break,
            }
        }
        self.out.open_brackets_at_eof = self
            .parens
            .iter()
            .map(|p| OpenBracket { ch: p.ch as char, lineno: p.lineno, col: p.col })
            .collect();
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let (lineno, line_start) = if kind == TokenKind::String {
            (self.first_lineno, self.multi_line_start)
        } else {
            (self.lineno, self.line_start)
        };
        self.out.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            lineno,
            col: start.wrapping_sub(line_start) as u32,
            end_lineno: self.lineno,
            end_col: end.wrapping_sub(self.line_start) as u32,
        });
    }

    // ----- reading characters (tok_nextc / tok_backup) -----

    #[inline]
    fn nextc(&mut self) -> i32 {
        if self.cur < self.inp {
            // Invariant: inp <= buf.len().
            let c = self.buf[self.cur];
            self.cur += 1;
            return c as i32;
        }
        self.next_line()
    }

    /// Reads the next line (`tok_underflow_string`) and returns its first byte.
    #[cold]
    fn next_line(&mut self) -> i32 {
        if self.done != Done::Ok {
            return EOF;
        }
        if self.inp >= self.buf.len() {
            self.cur = self.inp;
            if self.text_from_file && self.tok_start.is_none() {
                // The file tokenizer empties its buffer before trying to read
                // a line outside a token, so `tok->cur == tok->buf` now.
                self.buf_start = self.cur;
            }
            if self.error_at_end.is_some() {
                self.done = Done::Decode;
                self.decode_failed = true;
            } else {
                self.done = Done::Eof;
            }
            return EOF;
        }
        let start = self.inp;
        let end = match self.buf[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start + i + 1,
            None => self.buf.len(),
        };
        self.lineno += 1;
        if self.tok_start.is_none() {
            self.buf_start = start;
            self.buf_line = self.lineno;
        }
        self.out.buffer_first_line.push(self.buf_line);
        self.cur = start;
        self.line_start = start;
        self.inp = end;
        if let Some(nul) = self.first_nul {
            if nul >= start && nul < end {
                self.raise_error("source code cannot contain null bytes".into());
                self.cur = self.inp;
                return EOF;
            }
        }
        let c = self.buf[self.cur];
        self.cur += 1;
        c as i32
    }

    #[inline]
    fn backup(&mut self, c: i32) {
        if c != EOF {
            // Invariant: backing up only ever undoes a nextc that returned c.
            debug_assert!(self.cur > 0 && self.buf[self.cur - 1] as i32 == c);
            self.cur = self.cur.saturating_sub(1);
        }
    }

    // ----- errors -----

    fn line_text_from(&self, from: usize) -> String {
        let rest = self.buf.get(from..).unwrap_or(&[]);
        let len = rest.iter().position(|&b| b == b'\n' || b == 0).unwrap_or(rest.len());
        String::from_utf8_lossy(&rest[..len]).into_owned()
    }

    /// A SyntaxError raised by the tokenizer itself (`syntaxerror`): located
    /// just before `cur` on the current line.
    fn tokenizer_error_here(&self, msg: String) -> SyntaxError {
        let upto = self.buf.get(self.line_start..self.cur).unwrap_or(&[]);
        let col = char_count_lossy(upto) as i64;
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: col,
            text: Some(self.line_text_from(self.line_start)),
        }
    }

    fn raise_error(&mut self, msg: String) {
        let err = self.tokenizer_error_here(msg);
        self.raise(err);
    }

    /// Records an error the tokenizer raises; the first one raised stays.
    fn raise(&mut self, err: SyntaxError) {
        if self.done == Done::Error {
            return;
        }
        self.out.error = Some(err);
        self.out.error_raised_by_tokenizer = true;
        self.done = Done::Error;
    }

    /// `syntaxerror_known_range`: byte columns given as they are.
    fn raise_error_range(&mut self, col: usize, end_col: usize, msg: String) {
        let err = SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            lineno: self.lineno,
            offset: col as i64,
            end_lineno: self.lineno,
            end_offset: end_col as i64,
            text: Some(self.line_text_from(self.line_start)),
        };
        self.raise(err);
    }

    /// The text pegen attaches to an error at the current line.
    fn pegen_text(&self) -> String {
        if self.text_from_file {
            // The file lacks the newline the tokenizer added at its end.
            let text = if self.added_newline { &self.buf[..self.buf.len() - 1] } else { self.buf };
            let lines = SourceLines::new(text);
            return error_text(&lines, true, self.bom, self.columns_as_chars, self.buf_line, self.lineno, self.lineno);
        }
        // The tokenizer's buffer from `tok->buf` to the end of the line read.
        let bytes = self.buf.get(self.buf_start..self.inp).unwrap_or(&[]);
        String::from_utf8_lossy(bytes).into_owned()
    }

    fn to_char_offset(&self, text: &str, offset: i64) -> i64 {
        if self.columns_as_chars {
            byte_offset_to_char_offset(text, offset)
        } else {
            offset
        }
    }

    /// An error pegen raises from the tokenizer's state
    /// (`RAISE_ERROR_KNOWN_LOCATION` at the current line, 0-based byte
    /// columns, -1 for none). It does not replace an error already raised.
    fn pegen_error_known(&mut self, kind: SyntaxErrorKind, col: i64, end_col: i64, msg: &str) {
        self.done = Done::Error;
        if self.out.error.is_some() {
            return;
        }
        let text = self.pegen_text();
        let offset = self.to_char_offset(&text, col + 1);
        let end = end_col + 1;
        let end_offset = if end > 0 { self.to_char_offset(&text, end) } else { end };
        self.out.error = Some(SyntaxError {
            kind,
            msg: msg.into(),
            lineno: self.lineno,
            offset,
            end_lineno: self.lineno,
            end_offset,
            text: Some(text),
        });
    }

    /// An error pegen raises at the failing token itself, whose column is -1
    /// (`_PyPegen_raise_error` falls back to the tokenizer's position).
    fn pegen_error_at_token(&mut self, kind: SyntaxErrorKind, msg: &str) {
        self.done = Done::Error;
        if self.out.error.is_some() {
            return;
        }
        let col = if self.cur == self.buf_start { 0 } else { (self.cur - self.line_start) as i64 };
        let text = self.pegen_text();
        let offset = self.to_char_offset(&text, col);
        self.out.error = Some(SyntaxError {
            kind,
            msg: msg.into(),
            lineno: self.lineno,
            offset,
            end_lineno: self.lineno,
            end_offset: -1,
            text: Some(text),
        });
    }

    /// Inconsistent tabs and spaces (`indenterror`).
    fn tab_error(&mut self) -> Step {
        self.cur = self.inp;
        self.pegen_error_known(
            SyntaxErrorKind::TabError,
            0,
            -1,
            "inconsistent use of tabs and spaces in indentation",
        );
        Step::Stop
    }

    /// A line continuation (`\` already read): the newline must follow, and
    /// the input must go on.
    fn continuation_line(&mut self) -> Result<(), ()> {
        let c = self.nextc();
        if c != b'\n' as i32 {
            let col = self.cur as i64 - self.buf_start as i64 - 1;
            self.pegen_error_known(
                SyntaxErrorKind::SyntaxError,
                col,
                -1,
                "unexpected character after line continuation character",
            );
            return Err(());
        }
        let c = self.nextc();
        if c == EOF {
            if self.done == Done::Decode {
                return Err(());
            }
            self.cur = self.inp;
            if self.parens.is_empty() {
                self.pegen_error_at_token(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing");
            } else {
                // pegen reports the innermost open bracket as never closed.
                self.done = Done::Eof;
            }
            return Err(());
        }
        self.backup(c);
        Ok(())
    }

    // ----- the token loop (tok_get) -----

    fn get(&mut self) -> Step {
        'nextline: loop {
            self.tok_start = None;
            let mut blankline = false;

            if self.atbol {
                if let Some(step) = self.indentation(&mut blankline) {
                    return step;
                }
            }

            self.tok_start = Some(self.cur);
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Step::NoExtent(TokenKind::Dedent);
                }
                self.pendin -= 1;
                return Step::NoExtent(TokenKind::Indent);
            }

            'again: loop {
                self.tok_start = None;
                let mut c = self.nextc();
                while c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c {
                    c = self.nextc();
                }
                let start = self.cur.saturating_sub(1);
                self.tok_start = Some(start);

                if c == b'#' as i32 {
                    // A comment runs to the end of its line, which always
                    // ends in a newline or the end of input.
                    let rest = &self.buf[self.cur..self.inp];
                    let skip = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    self.cur += skip;
                    c = self.nextc();
                }

                if c == EOF {
                    if !self.parens.is_empty() || self.done != Done::Eof {
                        return Step::Stop;
                    }
                    return Step::NoExtent(TokenKind::EndMarker);
                }

                if is_identifier_start(c) {
                    return self.name_or_prefixed_string(c, start);
                }

                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        continue 'nextline;
                    }
                    return Step::Token(TokenKind::Newline, start, self.cur - 1);
                }

                if c == b'.' as i32 {
                    let c2 = self.nextc();
                    if is_digit(c2) {
                        return self.number_fraction(c2, start);
                    }
                    if c2 == b'.' as i32 {
                        let c3 = self.nextc();
                        if c3 == b'.' as i32 {
                            return Step::Token(TokenKind::Ellipsis, start, self.cur);
                        }
                        self.backup(c3);
                    }
                    self.backup(c2);
                    return Step::Token(TokenKind::Dot, start, self.cur);
                }

                if is_digit(c) {
                    return self.number(c, start);
                }

                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c, start);
                }

                if c == b'\\' as i32 {
                    if self.continuation_line().is_err() {
                        return Step::Stop;
                    }
                    continue 'again;
                }

                return self.operator(c, start);
            }
        }
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENTs.
    /// Returns a step only when it stops tokenization.
    fn indentation(&mut self, blankline: &mut bool) -> Option<Step> {
        let mut col = 0usize;
        let mut altcol = 0usize;
        self.atbol = false;
        let mut cont_line_col = 0usize;
        let c = loop {
            let c = self.nextc();
            if c == b' ' as i32 {
                col += 1;
                altcol += 1;
            } else if c == b'\t' as i32 {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol += 1;
            } else if c == 0x0c {
                col = 0;
                altcol = 0;
            } else if c == b'\\' as i32 {
                // The first backslash decides the indentation of what follows.
                if cont_line_col == 0 {
                    cont_line_col = col;
                }
                if self.continuation_line().is_err() {
                    return Some(Step::Stop);
                }
            } else {
                break c;
            }
        };
        self.backup(c);
        if c == b'#' as i32 || c == b'\n' as i32 {
            // Lines with only whitespace and/or a comment do not count.
            *blankline = true;
        }
        if *blankline || !self.parens.is_empty() {
            return None;
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let top = self.indstack[self.indent];
        let alttop = self.altindstack[self.indent];
        if col == top {
            if altcol != alttop {
                return Some(self.tab_error());
            }
        } else if col > top {
            if self.indent + 1 >= MAX_INDENT {
                self.cur = self.inp;
                self.pegen_error_known(
                    SyntaxErrorKind::IndentationError,
                    0,
                    -1,
                    "too many levels of indentation",
                );
                return Some(Step::Stop);
            }
            if altcol <= alttop {
                return Some(self.tab_error());
            }
            self.pendin += 1;
            self.indent += 1;
            self.indstack[self.indent] = col;
            self.altindstack[self.indent] = altcol;
        } else {
            while self.indent > 0 && col < self.indstack[self.indent] {
                self.pendin -= 1;
                self.indent -= 1;
            }
            if col != self.indstack[self.indent] {
                self.cur = self.inp;
                self.pegen_error_at_token(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                );
                return Some(Step::Stop);
            }
            if altcol != self.altindstack[self.indent] {
                return Some(self.tab_error());
            }
        }
        None
    }

    /// An identifier, a keyword, or a string with a prefix (`c` is the first
    /// character, already read).
    fn name_or_prefixed_string(&mut self, mut c: i32, start: usize) -> Step {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let ch = c as u8;
            if !(saw_b || saw_u || saw_f) && (ch == b'b' || ch == b'B') {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && (ch == b'u' || ch == b'U') {
                saw_u = true;
            } else if !(saw_r || saw_u) && (ch == b'r' || ch == b'R') {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && (ch == b'f' || ch == b'F') {
                saw_f = true;
            } else {
                break;
            }
            c = self.nextc();
            if c == b'"' as i32 || c == b'\'' as i32 {
                return self.string(c, start);
            }
        }
        // `c` is read; scan the rest of the name within the line.
        let mut nonascii = c >= 128;
        if is_identifier_char(c) {
            let line = &self.buf[self.cur..self.inp];
            let n = line.iter().position(|&b| !is_identifier_byte(b)).unwrap_or(line.len());
            nonascii |= line[..n].iter().any(|&b| b >= 128);
            self.cur += n;
        } else {
            self.backup(c);
        }
        if nonascii && !self.verify_identifier(start) {
            return Step::Stop;
        }
        let kind = match keyword(&self.buf[start..self.cur]) {
            Some(k) => TokenKind::Keyword(k),
            None => TokenKind::Name,
        };
        Step::Token(kind, start, self.cur)
    }

    /// PEP 3131 check of a name with non-ASCII characters (`verify_identifier`).
    fn verify_identifier(&mut self, start: usize) -> bool {
        let Ok(name) = std::str::from_utf8(&self.buf[start..self.cur]) else {
            // The buffer is valid UTF-8 and names end at ASCII bytes.
            return true;
        };
        let bad = name.char_indices().enumerate().find(|&(i, (_, ch))| {
            if i == 0 {
                !is_xid_start(ch) && ch != '_'
            } else {
                !is_xid_continue(ch)
            }
        });
        let Some((_, (at, ch))) = bad else { return true };
        self.cur = start + at + ch.len_utf8();
        let msg = if is_printable(ch) {
            format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        self.raise_error(msg);
        false
    }

    // ----- numbers -----

    /// `lookahead`: whether `rest` follows and then no identifier character.
    /// Reads nothing in the end.
    fn lookahead(&mut self, rest: &[u8]) -> bool {
        let from = self.cur;
        let mut matched = true;
        for &b in rest {
            if self.cur < self.inp && self.buf[self.cur] == b {
                self.cur += 1;
            } else {
                matched = false;
                break;
            }
        }
        let res = matched && {
            let next = if self.cur < self.inp { self.buf[self.cur] as i32 } else { EOF };
            !is_identifier_char(next)
        };
        self.cur = from;
        res
    }

    /// `verify_end_of_number`: `c` (already read) must not continue the
    /// literal; before some keywords CPython only warns.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> bool {
        let r = if c == b'a' as i32 {
            self.lookahead(b"nd")
        } else if c == b'e' as i32 {
            self.lookahead(b"lse")
        } else if c == b'f' as i32 {
            self.lookahead(b"or")
        } else if c == b'i' as i32 {
            let c2 = if self.cur < self.inp { self.buf[self.cur] } else { 0 };
            c2 == b'f' || c2 == b'n' || c2 == b's'
        } else if c == b'o' as i32 {
            self.lookahead(b"r")
        } else if c == b'n' as i32 {
            self.lookahead(b"ot")
        } else {
            false
        };
        if r {
            self.backup(c);
            let msg = format!("invalid {} literal", kind);
            let error = self.tokenizer_error_here(msg.clone());
            self.out.warnings.push(CompileWarning {
                category: WarningCategory::SyntaxWarning,
                msg,
                lineno: self.lineno,
                as_error: Some(Box::new(error.clone())),
            });
            self.out.warning_sites.push(WarningSite { token_index: self.out.tokens.len(), error });
            self.nextc();
            true
        } else if c < 128 && is_identifier_char(c) {
            // A non-ASCII character is left to start the next token (3.11.7).
            self.backup(c);
            self.raise_error(format!("invalid {} literal", kind));
            false
        } else {
            true
        }
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    /// Returns the character after them (read), or None after an error.
    fn decimal_tail(&mut self) -> Option<i32> {
        loop {
            let mut c = self.nextc();
            while is_digit(c) {
                c = self.nextc();
            }
            if c != b'_' as i32 {
                return Some(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                self.raise_error("invalid decimal literal".into());
                return None;
            }
        }
    }

    /// A number starting with the digit `c` (read).
    fn number(&mut self, c: i32, start: usize) -> Step {
        if c != b'0' as i32 {
            let Some(c) = self.decimal_tail() else { return Step::Stop };
            return self.number_after_integer(c, start);
        }
        let mut c = self.nextc();
        if c == b'x' as i32 || c == b'X' as i32 {
            c = self.nextc();
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                }
                if !is_xdigit(c) {
                    self.backup(c);
                    self.raise_error("invalid hexadecimal literal".into());
                    return Step::Stop;
                }
                c = self.nextc();
                while is_xdigit(c) {
                    c = self.nextc();
                }
                if c != b'_' as i32 {
                    break;
                }
            }
            if !self.verify_end_of_number(c, "hexadecimal") {
                return Step::Stop;
            }
        } else if c == b'o' as i32 || c == b'O' as i32 {
            if !self.radix_digits(b'8', "octal") {
                return Step::Stop;
            }
            return self.finish_number(start);
        } else if c == b'b' as i32 || c == b'B' as i32 {
            if !self.radix_digits(b'2', "binary") {
                return Step::Stop;
            }
            return self.finish_number(start);
        } else {
            // Zeros, maybe followed by other digits (refused unless a float
            // or imaginary number follows).
            let mut nonzero = false;
            loop {
                if c == b'_' as i32 {
                    c = self.nextc();
                    if !is_digit(c) {
                        self.backup(c);
                        self.raise_error("invalid decimal literal".into());
                        return Step::Stop;
                    }
                }
                if c != b'0' as i32 {
                    break;
                }
                c = self.nextc();
            }
            let zeros_end = self.cur;
            if is_digit(c) {
                nonzero = true;
                match self.decimal_tail() {
                    Some(next) => c = next,
                    None => return Step::Stop,
                }
            }
            if c == b'.' as i32 {
                let c = self.nextc();
                return self.number_fraction(c, start);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.number_exponent(c, start);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.number_imaginary(start);
            } else if nonzero {
                self.backup(c);
                let col = start + 1 - self.line_start;
                let end_col = zeros_end - self.line_start;
                self.raise_error_range(
                    col,
                    end_col,
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers"
                        .into(),
                );
                return Step::Stop;
            }
            if !self.verify_end_of_number(c, "decimal") {
                return Step::Stop;
            }
        }
        self.backup(c);
        Step::Token(TokenKind::Number, start, self.cur)
    }

    /// Octal or binary digits after the `0o`/`0b` prefix; leaves the
    /// character after the literal unread. False after an error.
    fn radix_digits(&mut self, limit: u8, kind: &str) -> bool {
        let limit = limit as i32;
        let mut c = self.nextc();
        loop {
            if c == b'_' as i32 {
                c = self.nextc();
            }
            if !(c >= b'0' as i32 && c < limit) {
                if is_digit(c) {
                    self.raise_error(format!("invalid digit '{}' in {} literal", c as u8 as char, kind));
                } else {
                    self.backup(c);
                    self.raise_error(format!("invalid {} literal", kind));
                }
                return false;
            }
            c = self.nextc();
            while c >= b'0' as i32 && c < limit {
                c = self.nextc();
            }
            if c != b'_' as i32 {
                break;
            }
        }
        if is_digit(c) {
            self.raise_error(format!("invalid digit '{}' in {} literal", c as u8 as char, kind));
            return false;
        }
        if !self.verify_end_of_number(c, kind) {
            return false;
        }
        self.backup(c);
        true
    }

    fn finish_number(&mut self, start: usize) -> Step {
        Step::Token(TokenKind::Number, start, self.cur)
    }

    /// After the integer part of a decimal number; `c` is read.
    fn number_after_integer(&mut self, c: i32, start: usize) -> Step {
        if c == b'.' as i32 {
            let c = self.nextc();
            return self.number_fraction(c, start);
        }
        self.number_after_fraction(c, start)
    }

    /// After the `.` of a number; `c` is read.
    fn number_fraction(&mut self, mut c: i32, start: usize) -> Step {
        if is_digit(c) {
            match self.decimal_tail() {
                Some(next) => c = next,
                None => return Step::Stop,
            }
        }
        self.number_after_fraction(c, start)
    }

    fn number_after_fraction(&mut self, c: i32, start: usize) -> Step {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.number_exponent(c, start);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary(start);
        }
        if !self.verify_end_of_number(c, "decimal") {
            return Step::Stop;
        }
        self.backup(c);
        Step::Token(TokenKind::Number, start, self.cur)
    }

    /// After an `e`/`E` (read) in a number.
    fn number_exponent(&mut self, e: i32, start: usize) -> Step {
        let mut c = self.nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                self.raise_error("invalid decimal literal".into());
                return Step::Stop;
            }
        } else if !is_digit(c) {
            // Not an exponent: the number ends before the `e`.
            self.backup(c);
            if !self.verify_end_of_number(e, "decimal") {
                return Step::Stop;
            }
            self.backup(e);
            return Step::Token(TokenKind::Number, start, self.cur);
        }
        let Some(c) = self.decimal_tail() else { return Step::Stop };
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary(start);
        }
        if !self.verify_end_of_number(c, "decimal") {
            return Step::Stop;
        }
        self.backup(c);
        Step::Token(TokenKind::Number, start, self.cur)
    }

    /// After the `j`/`J` (read) of an imaginary number.
    fn number_imaginary(&mut self, start: usize) -> Step {
        let c = self.nextc();
        if !self.verify_end_of_number(c, "imaginary") {
            return Step::Stop;
        }
        self.backup(c);
        Step::Token(TokenKind::Number, start, self.cur)
    }

    // ----- strings -----

    /// A string literal whose opening quote `quote` has been read; `start` is
    /// where its prefix (if any) begins.
    fn string(&mut self, quote: i32, start: usize) -> Step {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1; // an empty string
            }
        }
        if c != quote {
            self.backup(c);
        }
        let q = quote as u8;
        while end_quote_size != quote_size {
            if end_quote_size == 0 {
                // Skip ordinary characters within the line quickly.
                let line = &self.buf[self.cur..self.inp];
                let n = line
                    .iter()
                    .position(|&b| b == q || b == b'\\' || b == b'\n')
                    .unwrap_or(line.len());
                self.cur += n;
            }
            let c = self.nextc();
            if self.done == Done::Error {
                // The next line was refused (a null byte).
                return Step::Stop;
            }
            if self.done == Done::Decode {
                break;
            }
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                let detected_at = self.lineno;
                self.cur = start + 1;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {})", detected_at)
                } else {
                    format!("unterminated string literal (detected at line {})", detected_at)
                };
                self.raise_error(msg);
                return Step::Stop;
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.nextc();
                }
            }
        }
        Step::Token(TokenKind::String, start, self.cur)
    }

    // ----- operators and brackets -----

    fn operator(&mut self, c: i32, start: usize) -> Step {
        let c2 = self.nextc();
        if let Some(mut kind) = two_chars(c, c2) {
            let c3 = self.nextc();
            match three_chars(c, c2, c3) {
                Some(k3) => kind = k3,
                None => self.backup(c3),
            }
            return Step::Token(kind, start, self.cur);
        }
        self.backup(c2);

        // Invariant: bytes >= 128 start names, so `c` is ASCII here.
        let ch = c as u8;
        match ch {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAX_LEVEL {
                    self.raise_error("too many nested parentheses".into());
                    return Step::Stop;
                }
                self.parens.push(Paren {
                    ch,
                    lineno: self.lineno,
                    col: (start - self.line_start) as u32,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.parens.pop() else {
                    self.raise_error(format!("unmatched '{}'", ch as char));
                    return Step::Stop;
                };
                let matches = matches!((open.ch, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            ch as char, open.ch as char, open.lineno
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open.ch as char
                        )
                    };
                    self.raise_error(msg);
                    return Step::Stop;
                }
            }
            _ => {}
        }

        if !is_printable(ch as char) {
            self.raise_error(format!("invalid non-printable character U+{:04X}", ch));
            return Step::Stop;
        }
        Step::Token(one_char(ch).unwrap_or(TokenKind::ErrorToken), start, self.cur)
    }
}
