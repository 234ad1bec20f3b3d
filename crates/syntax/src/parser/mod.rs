//! The PEG parser, written rule for rule after CPython 3.11's `Grammar/python.gram`
//! (3.11.7's where it differs from the 3.11.2 sources), producing CPython's AST
//! with pegen's node positions and SyntaxErrors.
//!
//! Structure (as pegen's generated parser):
//! - every grammar rule is a method; alternatives are tried in grammar order and the
//!   token position (`pos`, pegen's `mark`) is reset after a failed alternative;
//! - failure is `None`; a raised error sets `err` (pegen's `error_indicator`) after
//!   which every rule fails at once;
//! - left-recursive rules are loops that grow the seed;
//! - a first pass runs without the `invalid_*` rules; when it fails, a second pass
//!   with them switched on looks for a specific message (see [`errors`]);
//! - the depth limit counts what pegen counts (rules and its `_loop`/`_gather`/
//!   `_tmp`/`_raw` helpers on the paths deep input takes), so "too deep" gives
//!   MemoryError at the same input as CPython.
//!
//! Memoization: the AST is owned (no arena), so keeping a result means cloning it.
//! Where one rule would ask for a sub-rule twice at one position, the methods parse
//! it once and reuse it. pegen's `(memo)` rules are memoized lazily: a success is
//! only marked as seen on its first request (with the depth and mode it was parsed
//! at), failures are kept at once. The second request *replays* the rule: parses it
//! again at its first depth, where pegen's depth limit cannot fire (pegen would hit
//! its memo there), and keeps a copy for later requests. Requests made inside a
//! replay replay in turn without keeping copies, so a result nested `n` deep is
//! never copied at each of its `n` levels (which made deep unary chains
//! quadratic). `strings` (whose warnings must come once) is kept at once.


mod arguments;
mod errors;
mod expressions;
mod helpers;
mod invalid;
mod patterns;
mod statements;
mod targets;


use crate::ast::{Expr, ExprKind, Keyword as KeywordNode, Loc, Mod, Pattern, Stmt};
use crate::error::{CompileWarning, SyntaxError};
use crate::token::{Keyword, OpenBracket, Token, TokenKind};
use crate::tokenizer::Tokens;

/// The start rule, as `compile()`'s mode argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module (`file` rule).
    Exec,
    /// `eval`: one expression.
    Eval,
    /// `single`: one interactive statement.
    Single,
    /// `func_type`: a function type comment signature.
    FuncType,
}

/// A successful parse and the warnings emitted on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub module: Mod,
    pub warnings: Vec<CompileWarning>,
}

/// Parses decoded source text.
pub fn parse(source: &str, mode: Mode) -> Result<Parsed, SyntaxError> {
    let (result, warnings) = parse_with_warnings(source, mode);
    result.map(|module| Parsed { module, warnings })
}

/// Parses decoded source text; the warnings come back also when parsing fails
/// (CPython shows them before the SyntaxError).
pub fn parse_with_warnings(source: &str, mode: Mode) -> (Result<Mod, SyntaxError>, Vec<CompileWarning>) {
    let options = crate::tokenizer::TokenizeOptions { exec_input: mode == Mode::Exec, ..Default::default() };
    let tokens = crate::tokenizer::tokenize_with(source, &options);
    parse_tokens(source, tokens, mode)
}

/// Parses the text of a source file in exec mode. The only difference from
/// `parse_with_warnings(source, Mode::Exec)`: a SyntaxError's `text` is the line
/// as CPython re-reads it from the file (one line, with its newline), where a
/// compiled string gives the tokenizer's buffer.
pub fn parse_file_with_warnings(source: &str) -> (Result<Mod, SyntaxError>, Vec<CompileWarning>) {
    let options = crate::tokenizer::TokenizeOptions { text_from_file: true, ..Default::default() };
    let tokens = crate::tokenizer::tokenize_with(source, &options);
    parse_tokens(source, tokens, Mode::Exec)
}

/// Parses an already tokenized source (the tokens must come from `source`;
/// the tokenizer's options decide error texts and columns).
pub fn parse_tokens(source: &str, tokens: Tokens, mode: Mode) -> (Result<Mod, SyntaxError>, Vec<CompileWarning>) {
    let start = match mode {
        Mode::Exec => StartRule::File,
        Mode::Eval => StartRule::Eval,
        Mode::Single => StartRule::Interactive,
        Mode::FuncType => StartRule::FuncType,
    };
    let tokenizer_warnings: Vec<(usize, CompileWarning)> =
        tokens.warning_sites.iter().map(|s| s.token_index).zip(tokens.warnings.iter().cloned()).collect();
    let mut parser = Parser::new(source, tokens, start, None);
    let result = parser.run();
    // The tokenizer's warnings are emitted only for tokens the parser fetched,
    // when it fetches them: merged with the parser's in that order.
    let mut timed: Vec<(usize, CompileWarning)> =
        tokenizer_warnings.into_iter().filter(|(i, _)| *i < parser.fill).map(|(i, w)| (2 * i + 1, w)).collect();
    timed.extend(parser.warnings.drain(..).map(|(fill, w)| (2 * fill, w)));
    timed.sort_by_key(|(t, _)| *t);
    let warnings: Vec<CompileWarning> = timed.into_iter().map(|(_, w)| w).collect();
    let result = match result {
        Ok(StartResult::Mod(module)) => Ok(module),
        Ok(StartResult::Expr(_)) => Err(parser.internal_error()),
        Err(e) => Err(e),
    };
    (result, warnings)
}

/// pegen's MAXSTACK: the rule nesting depth at which parsing gives up with MemoryError.
const MAXSTACK: u32 = 6000;

/// Rule nesting depth from which the rules that no caller asks for twice at one
/// position (`memo_deep_rule!`) use the memo: past it, recursion through the
/// memoized rules above them can ask for them again.
pub(crate) const EAGER_MEMO_LEVEL: u32 = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StartRule {
    File,
    Interactive,
    Eval,
    FuncType,
    /// An f-string replacement field's expression.
    FString,
}

pub(crate) enum StartResult {
    Mod(Mod),
    Expr(Expr),
}

/// What a call's parentheses hold: pegen's dummy `Call` node of the `arguments` rule.
#[derive(Clone, Debug)]
pub(crate) struct CallArgs {
    pub args: Vec<Expr>,
    pub keywords: Vec<KeywordNode>,
}

/// What a memo slot holds.
#[derive(Clone)]
pub(crate) enum MemoValue {
    /// Parsed once with success, value not kept: a later request replays the
    /// rule in the same context.
    Seen(ReplayContext),
    Fail,
    Expr(Box<Expr>),
    Stmt(Box<Stmt>),
    Stmts(Vec<Stmt>),
    Pattern(Box<Pattern>),
    Args(Box<CallArgs>),
}

pub(crate) trait Memoizable: Sized + Clone {
    fn to_memo(v: &Option<Self>) -> MemoValue;
    fn from_memo(m: &MemoValue) -> Option<Self>;
}

macro_rules! memoizable {
    ($t:ty, $variant:ident, $wrap:expr, $unwrap:expr) => {
        #[allow(clippy::borrowed_box)]
        impl Memoizable for $t {
            fn to_memo(v: &Option<Self>) -> MemoValue {
                match v {
                    Some(x) => MemoValue::$variant($wrap(x.clone())),
                    None => MemoValue::Fail,
                }
            }
            fn from_memo(m: &MemoValue) -> Option<Self> {
                match m {
                    MemoValue::$variant(x) => Some($unwrap(x)),
                    _ => None,
                }
            }
        }
    };
}
memoizable!(Expr, Expr, Box::new, |x: &Box<Expr>| (**x).clone());
memoizable!(Stmt, Stmt, Box::new, |x: &Box<Stmt>| (**x).clone());
memoizable!(Vec<Stmt>, Stmts, |x| x, |x: &Vec<Stmt>| x.clone());
memoizable!(Pattern, Pattern, Box::new, |x: &Box<Pattern>| (**x).clone());
memoizable!(CallArgs, Args, Box::new, |x: &Box<CallArgs>| (**x).clone());

/// Rule identifiers for the memo table.
#[derive(Clone, Copy)]
#[repr(u8)]
pub(crate) enum MemoRule {
    SimpleStmt,
    Block,
    Expression,
    StarExpression,
    Disjunction,
    Conjunction,
    Inversion,
    Factor,
    AwaitPrimary,
    Strings,
    Arguments,
    StarTarget,
    TargetWithStarAtom,
    DelTarget,
    ClosedPattern,
    StarPattern,
    InvalidNamedExpression,
    BitwiseOr,
    BitwiseXor,
    BitwiseAnd,
    ShiftExpr,
    Sum,
    Term,
    Primary,
    TPrimary,
    Attr,
}

/// Number of `MemoRule` variants.
const MEMO_RULES: usize = MemoRule::Attr as usize + 1;

pub(crate) struct MemoEntry {
    end: usize,
    value: MemoValue,
}

/// The context a rule was first parsed in, restored to replay it.
#[derive(Clone, Copy)]
pub(crate) struct ReplayContext {
    /// The caller's rule depth.
    level: u32,
    /// Whether the `invalid_*` rules were on.
    invalid: bool,
}

/// The answer of the memo to a request for a rule.
pub(crate) enum MemoLookup<T> {
    /// Not asked for before at this position: parse it.
    Miss,
    /// The kept result (a failure or a copy of the success); the position is past it.
    Hit(Option<T>),
    /// Parsed with success before, value not kept: parse it again in that context
    /// (`begin_replay`, `end_replay`).
    Replay(ReplayContext),
}

/// The parser's context around a replay, restored after it.
pub(crate) struct ReplaySaved {
    level: u32,
    invalid: bool,
}

pub(crate) struct Parser<'a> {
    pub(crate) src: &'a str,
    /// The tokens, ending with ENDMARKER unless the tokenizer stopped at an error.
    pub(crate) toks: Vec<Token>,
    /// The tokenizer's error, met when the parser asks for the token at `toks.len()`.
    tok_error: Option<SyntaxError>,
    /// Brackets open where the token stream stopped.
    open_brackets: Vec<OpenBracket>,
    /// The current token index (pegen's `mark`).
    pub(crate) pos: usize,
    /// How many tokens the parser has asked for (pegen's `fill`).
    pub(crate) fill: usize,
    /// The raised error; `Some` is pegen's `error_indicator`.
    pub(crate) err: Option<Box<SyntaxError>>,
    /// Set when the error indicator is up without a SyntaxError of its own (MemoryError).
    pub(crate) invalid: bool,
    level: u32,
    /// How many replays of memoized rules are under way (see `memo_get`).
    replaying: u32,
    /// Memo slots: `memo_index[pos * MEMO_RULES + rule]` is 1 + an index into
    /// `memo_entries`, or 0 when empty (allocated on first use).
    memo_index: Vec<u32>,
    memo_entries: Vec<MemoEntry>,
    pub(crate) start_rule: StartRule,
    /// For an f-string sub-parser: (starting_lineno, starting_col_offset).
    pub(crate) fstring_origin: Option<(i64, i64)>,
    /// Warnings of the first pass, with the token count fetched when emitted.
    pub(crate) warnings: Vec<(usize, CompileWarning)>,
    /// Byte offsets of line starts, built when an error needs a line's text.
    line_starts: Vec<usize>,
    /// Set when the parser hit the tokenizer's end (ENDMARKER fetched or tokenizer
    /// error met): pegen no longer re-scans for unclosed brackets then.
    tokenizer_done: bool,
    /// Whether `tok_error` is one the tokenizer raises itself (it then replaces
    /// an earlier parser error).
    pub(crate) error_raised_by_tokenizer: bool,
    /// Bracket nesting level after each token (pegen's `token->level`), built on demand.
    pub(crate) token_levels: Vec<u32>,
    /// Indexes of the NEWLINEs an interactive parse makes of the ENDMARKER (they
    /// keep the ENDMARKER's lack of a position), or usize::MAX.
    pub(crate) eof_newlines: [usize; 2],
    /// What the tokenizer knows for error texts and columns (its buffer lines,
    /// file or string input, byte or character columns); tokens moved out.
    pub(crate) text_info: Tokens,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, tokens: Tokens, start_rule: StartRule, fstring_origin: Option<(i64, i64)>) -> Parser<'a> {
        let error_raised_by_tokenizer = tokens.error_raised_by_tokenizer;
        let mut tokens = tokens;
        let mut toks = std::mem::take(&mut tokens.tokens);
        let error = tokens.error.take();
        let open_brackets_at_eof = std::mem::take(&mut tokens.open_brackets_at_eof);
        tokens.warnings.clear();
        tokens.warning_sites.clear();
        let mut eof_newline = usize::MAX;
        let mut eof_newline2 = usize::MAX;
        if start_rule == StartRule::Interactive {
            // pegen turns the end of input of an interactive statement into a NEWLINE
            // (once input has started), then gives the ENDMARKER.
            if toks.len() > 1 {
                if let Some(last) = toks.last().copied() {
                    if last.kind == TokenKind::EndMarker {
                        let n = toks.len();
                        toks[n - 1].kind = TokenKind::Newline;
                        eof_newline = n - 1;
                        // ... and closes the open indentation levels.
                        let indents = toks.iter().filter(|t| t.kind == TokenKind::Indent).count();
                        let dedents = toks.iter().filter(|t| t.kind == TokenKind::Dedent).count();
                        for _ in dedents..indents {
                            toks.push(Token { kind: TokenKind::Dedent, ..last });
                        }
                        // After a DEDENT the next end of input is a NEWLINE once more.
                        if indents > dedents {
                            eof_newline2 = toks.len();
                            toks.push(Token { kind: TokenKind::Newline, ..last });
                        }
                        toks.push(last);
                    }
                }
            }
        }
        Parser {
            src,
            toks,
            tok_error: error,
            open_brackets: open_brackets_at_eof,
            pos: 0,
            fill: 0,
            err: None,
            invalid: false,
            level: 0,
            replaying: 0,
            memo_index: Vec::new(),
            memo_entries: Vec::new(),
            start_rule,
            fstring_origin,
            warnings: Vec::new(),
            line_starts: Vec::new(),
            tokenizer_done: false,
            error_raised_by_tokenizer,
            token_levels: Vec::new(),
            eof_newlines: [eof_newline, eof_newline2],
            text_info: tokens,
        }
    }

    // ----- rule bookkeeping -----

    /// Entering a rule: counts the nesting depth; false when the rule must fail at once.
    #[inline]
    pub(crate) fn enter(&mut self) -> bool {
        // A replay parses what pegen finds in its memo: it never counts as too deep.
        if self.level == MAXSTACK && self.replaying == 0 {
            self.raise_memory_error();
        }
        self.level += 1;
        if self.err.is_some() {
            self.level -= 1;
            return false;
        }
        true
    }

    #[inline]
    pub(crate) fn leave(&mut self) {
        self.level -= 1;
    }

    #[inline]
    pub(crate) fn failed(&self) -> bool {
        self.err.is_some()
    }

    /// The memo's answer for `rule` at the current position.
    ///
    /// pegen counts a memoized rule's depth (and honours a raised error) before it
    /// looks in the memo: so does this, as `Hit(None)`.
    #[inline]
    pub(crate) fn memo_get<T: Memoizable>(&mut self, rule: MemoRule) -> MemoLookup<T> {
        if !self.enter() {
            return MemoLookup::Hit(None);
        }
        self.leave();
        // pegen fetches the current token before looking in the memo.
        self.peek();
        let Some(&slot) = self.memo_index.get(self.pos * MEMO_RULES + rule as usize) else { return MemoLookup::Miss };
        let Some(e) = (slot as usize).checked_sub(1).and_then(|i| self.memo_entries.get(i)) else { return MemoLookup::Miss };
        match &e.value {
            MemoValue::Seen(context) => MemoLookup::Replay(*context),
            v => {
                self.pos = e.end;
                MemoLookup::Hit(T::from_memo(v))
            }
        }
    }

    /// Records the result of `rule` parsed from `start` (ending at the current
    /// position) after a `Miss`.
    #[inline]
    pub(crate) fn memo_put<T: Memoizable>(&mut self, rule: MemoRule, start: usize, v: &Option<T>) {
        self.memo_insert(rule, start, v, false)
    }

    /// Like `memo_put`, but keeps a successful result at once.
    pub(crate) fn memo_store<T: Memoizable>(&mut self, rule: MemoRule, start: usize, v: &Option<T>) {
        self.memo_insert(rule, start, v, true)
    }

    /// Enters the replay of a rule's `Seen` success (the caller then parses it).
    pub(crate) fn begin_replay(&mut self, context: ReplayContext) -> ReplaySaved {
        let saved = ReplaySaved { level: self.level, invalid: self.invalid };
        self.level = context.level;
        self.invalid = context.invalid;
        self.replaying += 1;
        saved
    }

    /// Ends a replay: an outermost one keeps a copy of the result for later
    /// requests; nested ones keep nothing (their result is part of the outer copy).
    pub(crate) fn end_replay<T: Memoizable>(&mut self, saved: ReplaySaved, rule: MemoRule, start: usize, v: &Option<T>) {
        self.level = saved.level;
        self.invalid = saved.invalid;
        self.replaying -= 1;
        if self.replaying == 0 {
            self.memo_insert(rule, start, v, true);
        }
    }

    fn memo_insert<T: Memoizable>(&mut self, rule: MemoRule, start: usize, v: &Option<T>, eager: bool) {
        if self.err.is_some() {
            return;
        }
        let end = self.pos;
        let context = ReplayContext { level: self.level, invalid: self.invalid };
        if self.memo_index.is_empty() {
            self.memo_index = vec![0; (self.toks.len() + 1) * MEMO_RULES];
        }
        let Some(slot) = self.memo_index.get_mut(start * MEMO_RULES + rule as usize) else { return };
        let value = if v.is_none() {
            MemoValue::Fail
        } else if eager {
            T::to_memo(v)
        } else {
            MemoValue::Seen(context)
        };
        match (*slot as usize).checked_sub(1).and_then(|i| self.memo_entries.get_mut(i)) {
            None => {
                self.memo_entries.push(MemoEntry { end, value });
                *slot = self.memo_entries.len() as u32;
            }
            Some(e) => *e = MemoEntry { end, value },
        }
    }

    // ----- tokens -----

    /// The token at the current position, fetching it (pegen's `fill_token`);
    /// `None` when the tokenizer fails there (the error is then raised).
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<Token> {
        self.token_at(self.pos)
    }

    #[inline]
    pub(crate) fn token_at(&mut self, i: usize) -> Option<Token> {
        if let Some(t) = self.toks.get(i) {
            if i >= self.fill {
                self.fill = i + 1;
                if t.kind == TokenKind::EndMarker {
                    self.tokenizer_done = true;
                }
            }
            return Some(*t);
        }
        self.token_past_end(i)
    }

    /// Asking for a token past the last one: the tokenizer's error, or the end
    /// of input inside brackets, or (past the ENDMARKER) the ENDMARKER again.
    #[cold]
    fn token_past_end(&mut self, i: usize) -> Option<Token> {
        if i >= self.fill {
            self.fill = i + 1;
        }
        self.tokenizer_done = true;
        match self.tok_error.clone() {
            Some(e) => self.set_error(e),
            None if !self.open_brackets.is_empty() => {
                // End of input inside brackets: the tokenizer's error token.
                self.raise_unclosed_bracket();
            }
            None => match self.toks.last().copied() {
                Some(t) if t.kind == TokenKind::EndMarker => return Some(t),
                _ => {
                    let e = self.internal_error();
                    self.set_error(e);
                }
            },
        }
        None
    }

    /// The current token's kind (fetching it).
    #[inline]
    pub(crate) fn peek_kind(&mut self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }

    #[inline]
    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek_kind() == Some(kind)
    }

    #[inline]
    pub(crate) fn at_kw(&mut self, kw: Keyword) -> bool {
        self.peek_kind() == Some(TokenKind::Keyword(kw))
    }

    /// pegen's `expect_token`.
    #[inline]
    pub(crate) fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        let t = self.peek()?;
        if t.kind == kind {
            self.pos += 1;
            Some(t)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn eat_kw(&mut self, kw: Keyword) -> Option<Token> {
        self.eat(TokenKind::Keyword(kw))
    }

    /// A NAME token whose text is `word` (a soft keyword).
    pub(crate) fn eat_soft(&mut self, word: &str) -> Option<Token> {
        let t = self.peek()?;
        if t.kind == TokenKind::Name && self.text(&t) == word {
            self.pos += 1;
            Some(t)
        } else {
            None
        }
    }

    pub(crate) fn at_soft(&mut self, word: &str) -> bool {
        match self.peek() {
            Some(t) => t.kind == TokenKind::Name && self.text(&t) == word,
            None => false,
        }
    }

    /// pegen's `expect_forced_token`: a missing token is an error "expected '...'".
    pub(crate) fn eat_forced(&mut self, kind: TokenKind, expected: &str) -> Option<Token> {
        if self.failed() {
            return None;
        }
        let t = self.peek()?;
        if t.kind != kind {
            self.raise_at_token(&t, format!("expected '{}'", expected));
            return None;
        }
        self.pos += 1;
        Some(t)
    }

    /// The source text of a token.
    #[inline]
    pub(crate) fn text(&self, t: &Token) -> &'a str {
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    /// An identifier's value: the NAME token's text, NFKC-normalised.
    pub(crate) fn ident(&self, t: &Token) -> String {
        crate::tokenizer::identifier_text(self.src, t).into_owned()
    }

    /// pegen's `name_token`: a NAME as a `Name` expression in Load context.
    pub(crate) fn name(&mut self) -> Option<Expr> {
        let t = self.eat(TokenKind::Name)?;
        Some(Expr::new(tok_loc(&t), ExprKind::Name { id: self.ident(&t), ctx: crate::ast::ExprContext::Load }))
    }

    /// A NAME token and its identifier.
    pub(crate) fn name_ident(&mut self) -> Option<(Token, String)> {
        let t = self.eat(TokenKind::Name)?;
        let id = self.ident(&t);
        Some((t, id))
    }

    /// EXTRA: from the start of the token at `start` to the end of the last
    /// token consumed that is not NEWLINE/INDENT/DEDENT/ENDMARKER.
    pub(crate) fn loc_from(&self, start: usize) -> Loc {
        let (lineno, col) = match self.toks.get(start) {
            Some(t) => (t.lineno, t.col),
            None => (0, 0),
        };
        let mut end = (lineno, col);
        let mut m = self.pos;
        while m > 0 {
            m -= 1;
            if let Some(t) = self.toks.get(m) {
                end = (t.end_lineno, t.end_col);
                if !matches!(t.kind, TokenKind::EndMarker | TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
                    break;
                }
            }
        }
        Loc::new(lineno, col, end.0, end.1)
    }

    /// Runs `f` as a lookahead: the position is restored; true when it matched.
    #[inline]
    pub(crate) fn lookahead<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> bool {
        let mark = self.pos;
        let r = f(self).is_some();
        self.pos = mark;
        r
    }

}

/// A token's own location.
#[inline]
pub(crate) fn tok_loc(t: &Token) -> Loc {
    Loc::new(t.lineno, t.col, t.end_lineno, t.end_col)
}

/// Declares a rule body: counts depth like pegen's `p->level` and fails at once
/// when an error is pending.
macro_rules! rule {
    ($p:ident, |$q:ident| $body:block) => {{
        if !$p.enter() {
            return None;
        }
        let rule_start = $p.pos;
        #[allow(clippy::redundant_closure_call)]
        let r = (|$q: &mut Self| -> Option<_> { $body })($p);
        $p.leave();
        if $p.failed() {
            None
        } else {
            if r.is_none() {
                $p.pos = rule_start;
            }
            r
        }
    }};
}
pub(crate) use rule;

/// One alternative: on success the enclosing function returns its value; on
/// failure the position is reset (and a raised error ends the rule).
macro_rules! alt {
    ($p:ident, $body:block) => {{
        let mark = $p.pos;
        #[allow(clippy::redundant_closure_call)]
        let r = (|| -> Option<_> { $body })();
        match r {
            Some(v) => return Some(v),
            None => {
                $p.pos = mark;
                if $p.failed() {
                    return None;
                }
            }
        }
    }};
}
pub(crate) use alt;

/// Like `alt!` but yields the value instead of returning it.
macro_rules! attempt {
    ($p:ident, $body:block) => {{
        let mark = $p.pos;
        #[allow(clippy::redundant_closure_call)]
        let r = (|| -> Option<_> { $body })();
        if r.is_none() {
            $p.pos = mark;
        }
        r
    }};
}
pub(crate) use attempt;

/// Runs a rule memoized when `use_memo` holds (see `memo_get`): the memo's
/// answer, else the rule's body (a first parse or a replay) with its result recorded.
macro_rules! memo_body {
    ($p:ident, $rule:expr, $use_memo:expr, |$q:ident| $body:block) => {{
        let use_memo = $use_memo;
        let start = $p.pos;
        let lookup = if use_memo { $p.memo_get($rule) } else { $crate::parser::MemoLookup::Miss };
        let replay = match lookup {
            $crate::parser::MemoLookup::Hit(r) => return r,
            $crate::parser::MemoLookup::Replay(context) => Some($p.begin_replay(context)),
            $crate::parser::MemoLookup::Miss => None,
        };
        let r = rule!($p, |$q| $body);
        match replay {
            Some(saved) => $p.end_replay(saved, $rule, start, &r),
            None if use_memo => $p.memo_put($rule, start, &r),
            None => {}
        }
        r
    }};
}
pub(crate) use memo_body;

/// A memoized rule.
macro_rules! memo_rule {
    ($p:ident, $rule:expr, |$q:ident| $body:block) => {{
        $crate::parser::memo_body!($p, $rule, true, |$q| $body)
    }};
}
pub(crate) use memo_rule;


/// A rule that pegen memoizes but that the first pass never asks for twice at
/// one position (its callers reuse results): memoized in the second pass, and
/// deep in the rule nesting (see `EAGER_MEMO_LEVEL`).
macro_rules! memo2_rule {
    ($p:ident, $rule:expr, |$q:ident| $body:block) => {{
        $crate::parser::memo_body!($p, $rule, $p.invalid || $p.level > EAGER_MEMO_LEVEL, |$q| $body)
    }};
}
pub(crate) use memo2_rule;

/// A rule that pegen memoizes but that is asked for only once per position in
/// both passes here (its only callers are memoized): memoized deep in the
/// nesting only (see `EAGER_MEMO_LEVEL`).
macro_rules! memo_deep_rule {
    ($p:ident, $rule:expr, |$q:ident| $body:block) => {{
        $crate::parser::memo_body!($p, $rule, $p.level > EAGER_MEMO_LEVEL, |$q| $body)
    }};
}
pub(crate) use memo_deep_rule;

/// Tries an `invalid_*` rule (second pass only): it either raises an error, which
/// ends the enclosing rule, or fails and the enclosing rule goes on.
macro_rules! invalid_alt {
    ($p:ident, $call:expr) => {
        if $p.invalid {
            let mark = $p.pos;
            $call;
            $p.pos = mark;
            if $p.failed() {
                return None;
            }
        }
    };
}
pub(crate) use invalid_alt;

#[cfg(test)]
mod tests;
