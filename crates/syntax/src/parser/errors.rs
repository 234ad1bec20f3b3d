//! Raising SyntaxErrors as pegen does (`pegen_errors.c`): locations, the text of
//! the offending line, byte-to-character offsets, the two parser passes and the
//! choice of the final error (`_PyPegen_set_syntax_error`).

use super::{Parser, StartResult, StartRule};
use crate::ast::Loc;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{Token, TokenKind};

/// pegen's CURRENT_POS: "where the tokenizer is now".
pub(crate) const CURRENT_POS: i64 = -5;

impl<'a> Parser<'a> {
    /// pegen's `_PyPegen_run_parser`: the first pass, and on failure the second
    /// pass with the `invalid_*` rules, then the choice of the error.
    pub(crate) fn run(&mut self) -> Result<StartResult, SyntaxError> {
        if let Some(r) = self.start() {
            if self.start_rule == StartRule::Interactive && self.bad_single_statement() {
                self.raise_generic(SyntaxErrorKind::SyntaxError, "multiple statements found while compiling a single statement".into());
                return Err(self.take_error());
            }
            return Ok(r);
        }
        if let Some(e) = &self.err {
            if e.kind == SyntaxErrorKind::MemoryError {
                return Err(self.take_error());
            }
        }
        let last_token = self.fill.checked_sub(1).and_then(|i| self.toks.get(i).copied());
        // Second pass: the error indicator of the first pass stays up, as in pegen.
        self.memo_index.clear();
        self.memo_entries.clear();
        self.pos = 0;
        self.invalid = true;
        let _ = self.start();
        self.set_syntax_error(last_token);
        Err(self.take_error())
    }

    fn start(&mut self) -> Option<StartResult> {
        match self.start_rule {
            StartRule::File => self.file_rule().map(StartResult::Mod),
            StartRule::Interactive => self.interactive_rule().map(StartResult::Mod),
            StartRule::Eval => self.eval_rule().map(StartResult::Mod),
            StartRule::FuncType => self.func_type_rule().map(StartResult::Mod),
            StartRule::FString => self.fstring_rule().map(StartResult::Expr),
        }
    }

    /// Whether an interactive statement is followed by more than comments and blank lines.
    fn bad_single_statement(&self) -> bool {
        // Everything after the statement's NEWLINE must be whitespace or comments.
        let end = self.pos.checked_sub(1).and_then(|i| self.toks.get(i)).map(|t| t.end as usize).unwrap_or(0);
        let rest = self.src.get(end..).unwrap_or("");
        for line in rest.split('\n') {
            let t = line.trim_start_matches([' ', '\t', '\x0c', '\r']);
            if !t.is_empty() && !t.starts_with('#') {
                return true;
            }
        }
        false
    }

    pub(crate) fn take_error(&mut self) -> SyntaxError {
        match self.err.take() {
            Some(e) => *e,
            None => self.internal_error(),
        }
    }

    pub(crate) fn internal_error(&self) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::SyntaxError, msg: "invalid syntax".into(), lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: None }
    }

    pub(crate) fn set_error(&mut self, e: SyntaxError) {
        self.err = Some(Box::new(e));
    }

    pub(crate) fn raise_memory_error(&mut self) {
        self.set_error(SyntaxError { kind: SyntaxErrorKind::MemoryError, msg: String::new(), lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: None });
    }

    /// pegen's `_PyPegen_set_syntax_error`.
    fn set_syntax_error(&mut self, last_token: Option<Token>) {
        if let Some(e) = &self.err {
            if !self.tokenizer_done && e.kind != SyntaxErrorKind::MemoryError {
                self.check_rest_of_tokens();
            }
            return;
        }
        let Some(last) = last_token else {
            self.raise_generic(SyntaxErrorKind::SyntaxError, "error at start before reading any input".into());
            return;
        };
        match last.kind {
            TokenKind::Indent => {
                self.raise_generic(SyntaxErrorKind::IndentationError, "unexpected indent".into());
                return;
            }
            TokenKind::Dedent => {
                self.raise_generic(SyntaxErrorKind::IndentationError, "unexpected unindent".into());
                return;
            }
            _ => {}
        }
        self.raise_at_token(&last, "invalid syntax".into());
        if !self.tokenizer_done {
            self.check_rest_of_tokens();
        }
    }

    /// A tokenizer error pegen raises itself (from the tokenizer's state) takes
    /// its text from the file like the parser's errors do.
    pub(crate) fn file_text_for_tokenizer_error(&mut self, mut e: SyntaxError) -> SyntaxError {
        if self.text_from_file && !self.error_raised_by_tokenizer && self.start_rule == StartRule::File {
            let lineno = e.lineno as i64;
            if lineno >= 1 && (lineno as usize) <= self.physical_lines() {
                e.text = Some(self.error_line(lineno));
            }
        }
        e
    }

    /// pegen's `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer
    /// error further on takes priority over a parser error; a bracket never
    /// closed does when it was opened before the line of the error.
    fn check_rest_of_tokens(&mut self) {
        if self.start_rule == StartRule::FString && self.fstring_origin.is_none() {
            return;
        }
        let current_line = self.fill.checked_sub(1).and_then(|i| self.toks.get(i)).map(|t| t.lineno).unwrap_or(0);
        if let Some(e) = self.tok_error.clone() {
            if self.error_raised_by_tokenizer {
                self.set_error(e);
                return;
            }
        }
        if let Some(b) = self.open_brackets.last().copied() {
            if b.lineno < current_line {
                self.raise_unclosed_bracket();
            }
        }
    }

    /// "'(' was never closed" at the innermost open bracket.
    pub(crate) fn raise_unclosed_bracket(&mut self) {
        if let Some(b) = self.open_brackets.last().copied() {
            self.raise_known(SyntaxErrorKind::SyntaxError, b.lineno, b.col as i64, b.lineno, -1, format!("'{}' was never closed", b.ch));
        }
    }

    // ----- the RAISE_* macros -----

    /// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
    pub(crate) fn raise_generic(&mut self, kind: SyntaxErrorKind, msg: String) {
        if self.fill == 0 {
            self.raise_error_known_location(kind, 0, 0, 0, -1, msg);
            return;
        }
        let Some(t) = self.toks.get(self.fill - 1).copied().or_else(|| self.toks.last().copied()) else {
            self.raise_error_known_location(kind, 0, 0, 0, -1, msg);
            return;
        };
        let no_position = self.has_no_position(&t);
        let (col, end_col) = if no_position {
            // pegen uses the tokenizer's cursor, already a 1-based offset here.
            (t.end_col as i64, -1)
        } else {
            (t.col as i64 + 1, t.end_col as i64 + 1)
        };
        self.raise_error_known_location(kind, t.lineno as i64, col, t.end_lineno as i64, end_col, msg);
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token.
    pub(crate) fn raise_at_token(&mut self, t: &Token, msg: String) {
        let (col, end_col) = if self.has_no_position(t) { (-1, -1) } else { (t.col as i64, t.end_col as i64) };
        self.raise_known(SyntaxErrorKind::SyntaxError, t.lineno, col, t.end_lineno, end_col, msg);
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a node.
    pub(crate) fn raise_at(&mut self, loc: Loc, msg: String) {
        self.raise_known(SyntaxErrorKind::SyntaxError, loc.lineno, loc.col_offset as i64, loc.end_lineno, loc.end_col_offset as i64, msg);
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_RANGE: from the start of `a` to the end of `b`.
    pub(crate) fn raise_range(&mut self, a: Loc, b: Loc, msg: String) {
        self.raise_known(SyntaxErrorKind::SyntaxError, a.lineno, a.col_offset as i64, b.end_lineno, b.end_col_offset as i64, msg);
    }

    /// RAISE_SYNTAX_ERROR_STARTING_FROM: from the start of `a` to where the tokenizer is.
    pub(crate) fn raise_starting_from(&mut self, a: Loc, msg: String) {
        self.raise_known(SyntaxErrorKind::SyntaxError, a.lineno, a.col_offset as i64, 0, CURRENT_POS, msg);
    }

    /// RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns (or CURRENT_POS, or -1).
    pub(crate) fn raise_known(&mut self, kind: SyntaxErrorKind, lineno: u32, col: i64, end_lineno: u32, end_col: i64, msg: String) {
        let col1 = if col == CURRENT_POS { CURRENT_POS } else { col + 1 };
        let end_col1 = if end_col == CURRENT_POS { CURRENT_POS } else { end_col + 1 };
        let end_lineno = if end_col == CURRENT_POS { -1 } else { end_lineno as i64 };
        self.raise_error_known_location(kind, lineno as i64, col1, end_lineno, end_col1, msg);
    }

    /// pegen's `_PyPegen_raise_error_known_location`: 1-based byte columns.
    fn raise_error_known_location(&mut self, kind: SyntaxErrorKind, lineno: i64, col: i64, end_lineno: i64, end_col: i64, msg: String) {
        let (mut end_lineno, mut end_col) = (end_lineno, end_col);
        if end_col == CURRENT_POS {
            let (l, c) = self.tokenizer_cursor();
            end_lineno = l;
            end_col = c;
        }
        let msg = if self.start_rule == StartRule::FString { format!("f-string: {}", msg) } else { msg };
        let text = self.error_line(lineno);
        let (mut col, mut end_col) = (col, end_col);
        if let Some((_, start_col)) = self.fstring_origin {
            col -= start_col;
            end_col -= start_col;
        }
        let (offset, end_offset) = if self.start_rule == StartRule::FString {
            // The f-string sub-tokenizer has no encoding: pegen keeps byte offsets.
            (col, end_col)
        } else {
            let c = byte_offset_to_character_offset(&text, col);
            let e = if end_col > 0 { byte_offset_to_character_offset(&text, end_col) } else { end_col };
            (c, e)
        };
        self.err = Some(Box::new(SyntaxError {
            kind,
            msg,
            lineno: lineno.max(0) as u32,
            offset,
            end_lineno: end_lineno.max(0) as u32,
            end_offset,
            text: Some(text),
        }));
    }

    /// The tokenizer's position after the last token fetched (line, byte column).
    fn tokenizer_cursor(&self) -> (i64, i64) {
        match self.fill.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => (t.end_lineno as i64, t.end_col as i64),
            None => (1, 0),
        }
    }

    /// The line the tokenizer is reading: the last line of the last token fetched
    /// (past every line once it has met the end of input).
    fn tokenizer_line(&mut self) -> i64 {
        if self.fill > self.toks.len() {
            // At the end of input the tokenizer is on the last line read.
            return self.physical_lines().max(1) as i64;
        }
        match self.fill.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => t.end_lineno as i64,
            None => 1,
        }
    }

    /// The `text` of a SyntaxError: pegen takes the tokenizer's current line
    /// (with its newline) when the error is on it, else the line from the source
    /// buffer (without the newline).
    fn error_line(&mut self, lineno: i64) -> String {
        self.build_line_starts();
        let first_line = self.fstring_origin.map(|(l, _)| l).unwrap_or(1);
        if self.text_from_file && self.start_rule == StartRule::File && lineno >= 1 && (lineno as usize) <= self.physical_lines() {
            // CPython reads the line from the file, newlines translated.
            let idx = lineno as usize - 1;
            let start = self.line_start(idx);
            let (end, has_newline) = self.line_end(idx);
            let mut s = self.src[start..end].to_string();
            if has_newline {
                s.push('\n');
            }
            return s;
        }
        let tok_line = self.tokenizer_line();
        if tok_line <= lineno {
            // The tokenizer's buffer: its current line, back to where a backslash
            // continuation or a multi-line string started, with the newline that
            // exec input (and an f-string's expression) get even at the end.
            let last = (tok_line - first_line).max(0) as usize;
            let first = if self.fill > self.toks.len() { last } else { self.buffer_first_line(last) };
            let start = self.line_start(first);
            let (end, has_newline) = self.line_end(last);
            let mut s = self.src[start..end].replace("\r\n", "\n").replace('\r', "\n");
            if has_newline || matches!(self.start_rule, StartRule::File | StartRule::FString) {
                s.push('\n');
            }
            s
        } else {
            let idx = (lineno - first_line).max(0) as usize;
            let start = self.line_start(idx);
            let (end, _) = self.line_end(idx);
            let line = &self.src[start..end];
            line.strip_suffix('\r').unwrap_or(line).to_string()
        }
    }

    /// Line starts with CPython's universal newlines (`\n`, `\r\n`, lone `\r`).
    fn build_line_starts(&mut self) {
        if !self.line_starts.is_empty() {
            return;
        }
        self.line_starts.push(0);
        let bytes = self.src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => self.line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => self.line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
    }

    /// The number of lines, a last line without a newline included.
    fn physical_lines(&mut self) -> usize {
        self.build_line_starts();
        let n = self.line_starts.len();
        // A source ending with a newline has no line after it.
        if self.line_starts.last() == Some(&self.src.len()) {
            n - 1
        } else {
            n
        }
    }

    /// Byte offset where the 0-based line `idx` starts (clamped to the last line).
    fn line_start(&self, idx: usize) -> usize {
        self.line_starts.get(idx).or(self.line_starts.last()).copied().unwrap_or(0)
    }

    /// End of the 0-based line `idx` before its newline (and a preceding `\r`),
    /// and whether it has a newline.
    fn line_end(&self, idx: usize) -> (usize, bool) {
        let start = self.line_start(idx);
        match self.src[start..].find(['\n', '\r']) {
            Some(n) => (start + n, true),
            None => (self.src.len(), false),
        }
    }

    /// The first line of the tokenizer's buffer when it is on the 0-based line
    /// `idx`: lines joined by a backslash or spanned by a token stay in it.
    fn buffer_first_line(&self, idx: usize) -> usize {
        let mut line = idx;
        while line > 0 && self.line_joined_to_previous(line) {
            line -= 1;
        }
        line
    }

    /// Whether the tokenizer read the 0-based line `idx` while inside a token or
    /// after a backslash continuation.
    fn line_joined_to_previous(&self, mut idx: usize) -> bool {
        loop {
            if idx == 0 {
                return false;
            }
            match self.join_kind(idx) {
                Some(joined) => return joined,
                None => idx -= 1,
            }
        }
    }

    /// Whether the 0-based line `idx` is read within the buffer of the line
    /// before; `None` when that holds exactly if the line before is itself.
    fn join_kind(&self, idx: usize) -> Option<bool> {
        let line_no = idx as u32 + 1;
        let first_line = self.fstring_origin.map(|(l, _)| l).unwrap_or(1);
        let abs = line_no as i64 + first_line - 1;
        // A token that starts before this line and ends on or after it.
        let line_begin = self.line_start(idx) as u32;
        let i = self.toks.partition_point(|t| t.start < line_begin);
        if i > 0 {
            if let Some(t) = self.toks.get(i - 1) {
                if (t.lineno as i64) < abs && (t.end_lineno as i64) >= abs && t.end > t.start {
                    return Some(true);
                }
            }
        }
        // A backslash ending the previous line, outside tokens and comments.
        let (prev_end, _) = self.line_end(idx - 1);
        let prev_start = self.line_start(idx - 1);
        let prev = &self.src[prev_start..prev_end];
        if !prev.ends_with('\\') {
            return Some(false);
        }
        let backslash = prev_end - 1;
        let j = self.toks.partition_point(|t| (t.start as usize) <= backslash);
        let scan_from = match j.checked_sub(1).and_then(|k| self.toks.get(k)) {
            Some(t) if (t.end as usize) > backslash => return Some(false),
            Some(t) if (t.end as usize) >= prev_start => t.end as usize,
            _ => prev_start,
        };
        // A backslash on a line of only whitespace keeps the buffer only when the
        // tokenizer is already continuing a line (at the start of a logical line
        // it is read while skipping indentation).
        if scan_from == prev_start && self.src[prev_start..backslash].trim_start_matches([' ', '\t', '\x0c']).is_empty() {
            return None;
        }
        Some(!self.src[scan_from..backslash].contains('#'))
    }
}

impl<'a> Parser<'a> {
    /// INDENT, DEDENT and ENDMARKER (also as the NEWLINE an interactive parse
    /// makes of it) have no text, so pegen gives them column -1.
    fn has_no_position(&self, t: &Token) -> bool {
        matches!(t.kind, TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker)
            || self.eof_newlines.iter().any(|&i| self.toks.get(i) == Some(t))
    }
}

/// pegen's `_PyPegen_byte_offset_to_character_offset`: the number of characters
/// in the first `col` bytes of the line (a cut character counts as one; past the
/// end counts the terminating NUL).
pub(crate) fn byte_offset_to_character_offset(line: &str, col: i64) -> i64 {
    if col <= 0 {
        return col.max(0);
    }
    let bytes = line.as_bytes();
    let col = (col as usize).min(bytes.len() + 1);
    if col > bytes.len() {
        return line.chars().count() as i64 + 1;
    }
    String::from_utf8_lossy(&bytes[..col]).chars().count() as i64
}
