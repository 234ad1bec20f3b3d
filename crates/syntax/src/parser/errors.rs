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
                self.err = None;
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
        // An error already raised (a tokenizer error met inside a lookahead whose
        // alternative then raises) is the one CPython reports.
        if self.err.is_some() {
            return;
        }
        let (mut end_lineno, mut end_col) = (end_lineno, end_col);
        if end_col == CURRENT_POS {
            let (l, c) = self.tokenizer_cursor();
            end_lineno = l;
            end_col = c;
        }
        let msg = if self.start_rule == StartRule::FString { format!("f-string: {}", msg) } else { msg };
        let (mut col, mut end_col) = (col, end_col);
        let (text, offset, end_offset) = if let Some((first_line, start_col)) = self.fstring_origin {
            // The f-string sub-tokenizer has no encoding: pegen keeps byte offsets.
            // Its lines count from the expression's first line.
            col -= start_col;
            end_col -= start_col;
            let relative = |line: i64| (line - first_line + 1).max(0) as u32;
            let current = self.tokenizer_line();
            (self.text_info.error_text(self.src, relative(current), relative(lineno)), col, end_col)
        } else {
            let current = self.tokenizer_line().max(0) as u32;
            let mut text = self.text_info.error_text(self.src, current, lineno.max(0) as u32);
            // eval/single input gets no newline appended: a buffer ending at a last
            // line without one has none.
            let appended = !self.text_info.text_from_file
                && !matches!(self.start_rule, StartRule::File | StartRule::FString)
                && !self.src.ends_with(['\n', '\r'])
                && (current as i64) <= lineno
                && current as usize >= self.physical_lines();
            if appended && text.ends_with('\n') {
                text.pop();
            }
            let c = self.text_info.error_offset(&text, col);
            let e = if end_col > 0 { self.text_info.error_offset(&text, end_col) } else { end_col };
            (text, c, e)
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

}

impl<'a> Parser<'a> {
    /// INDENT, DEDENT and ENDMARKER (also as the NEWLINE an interactive parse
    /// makes of it) have no text, so pegen gives them column -1.
    fn has_no_position(&self, t: &Token) -> bool {
        matches!(t.kind, TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker)
            || self.eof_newlines.iter().any(|&i| self.toks.get(i) == Some(t))
    }
}
