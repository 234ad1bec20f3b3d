//! The abstract syntax tree, node for node as CPython 3.11's `Python.asdl`.
//!
//! Field names and order follow the `_fields` of Python's `ast` classes so that
//! `dump` can print them in CPython's order. Every located node carries a [`Loc`]
//! whose columns are UTF-8 byte offsets, exactly as `ast` reports them.

use crate::pystr::PyStr;
use std::cell::{Cell, RefCell};
use std::thread::LocalKey;
use num_bigint::BigInt;

/// An identifier (already NFKC-normalised by the tokenizer).
pub type Ident = String;

/// Source range of a node: 1-based lines, 0-based UTF-8 byte columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Loc {
    pub fn new(lineno: u32, col_offset: u32, end_lineno: u32, end_col_offset: u32) -> Loc {
        Loc { lineno, col_offset, end_lineno, end_col_offset }
    }

    /// The range from the start of `self` to the end of `end`.
    pub fn to(self, end: Loc) -> Loc {
        Loc { lineno: self.lineno, col_offset: self.col_offset, end_lineno: end.end_lineno, end_col_offset: end.end_col_offset }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    Module { body: Vec<Stmt>, type_ignores: Vec<TypeIgnore> },
    Interactive { body: Vec<Stmt> },
    Expression { body: Box<Expr> },
    FunctionType { argtypes: Vec<Expr>, returns: Box<Expr> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeIgnore {
    pub lineno: u32,
    pub tag: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub loc: Loc,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Return { value: Option<Box<Expr>> },
    Delete { targets: Vec<Expr> },
    Assign { targets: Vec<Expr>, value: Box<Expr>, type_comment: Option<String> },
    AugAssign { target: Box<Expr>, op: Operator, value: Box<Expr> },
    /// `simple` is 1 for a plain name target not in parentheses, as CPython's int.
    AnnAssign { target: Box<Expr>, annotation: Box<Expr>, value: Option<Box<Expr>>, simple: bool },
    For(For),
    AsyncFor(For),
    While { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With(With),
    AsyncWith(With),
    Match { subject: Box<Expr>, cases: Vec<MatchCase> },
    Raise { exc: Option<Box<Expr>>, cause: Option<Box<Expr>> },
    Try(Try),
    TryStar(Try),
    Assert { test: Box<Expr>, msg: Option<Box<Expr>> },
    Import { names: Vec<Alias> },
    ImportFrom { module: Option<Ident>, names: Vec<Alias>, level: u32 },
    Global { names: Vec<Ident> },
    Nonlocal { names: Vec<Ident> },
    Expr { value: Box<Expr> },
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Ident,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub type_comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
    pub type_comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub loc: Loc,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    BoolOp { op: BoolOp, values: Vec<Expr> },
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: Operator, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// A `None` key is a `**mapping` entry.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set { elts: Vec<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await { value: Box<Expr> },
    Yield { value: Option<Box<Expr>> },
    YieldFrom { value: Box<Expr> },
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// `conversion` is -1 for none, else the code point of `s`, `r` or `a`, as CPython stores it.
    FormattedValue { value: Box<Expr>, conversion: i32, format_spec: Option<Box<Expr>> },
    JoinedStr { values: Vec<Expr> },
    /// `kind` is `Some("u")` for a `u"..."` literal, as CPython's `kind` field.
    Constant { value: Constant, kind: Option<String> },
    Attribute { value: Box<Expr>, attr: Ident, ctx: ExprContext },
    Subscript { value: Box<Expr>, slice: Box<Expr>, ctx: ExprContext },
    Starred { value: Box<Expr>, ctx: ExprContext },
    Name { id: Ident, ctx: ExprContext },
    List { elts: Vec<Expr>, ctx: ExprContext },
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

/// The value of a `Constant` node.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An int that fits in an i64; larger ones are `BigInt`.
    Int(i64),
    BigInt(Box<BigInt>),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(PyStr),
    Bytes(Vec<u8>),
    /// A tuple of constants: never produced by the parser, made by constant folding.
    Tuple(Vec<Constant>),
    /// A frozenset made by constant folding (`x in {1, 2}`, `for x in {1, 2}`):
    /// the distinct items in the order CPython inserts them, equal ones (`1`,
    /// `1.0`, `True`) reduced to the first.
    FrozenSet(Vec<Constant>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub loc: Loc,
    pub type_: Option<Box<Expr>>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per kwonly argument; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub loc: Loc,
    pub arg: Ident,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub loc: Loc,
    /// `None` for `**kwargs`.
    pub arg: Option<Ident>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub loc: Loc,
    pub name: Ident,
    pub asname: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub loc: Loc,
    pub kind: PatternKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    MatchValue { value: Box<Expr> },
    /// `None`, `True` or `False`.
    MatchSingleton { value: Constant },
    MatchSequence { patterns: Vec<Pattern> },
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Ident> },
    MatchClass { cls: Box<Expr>, patterns: Vec<Pattern>, kwd_attrs: Vec<Ident>, kwd_patterns: Vec<Pattern> },
    MatchStar { name: Option<Ident> },
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Ident> },
    MatchOr { patterns: Vec<Pattern> },
}

impl Expr {
    pub fn new(loc: Loc, kind: ExprKind) -> Expr {
        Expr { loc, kind }
    }

    /// The node's kind, moved out (`Expr` has a `Drop`, so its fields cannot be
    /// moved out by a pattern).
    pub fn into_kind(mut self) -> ExprKind {
        std::mem::replace(&mut self.kind, placeholder_kind())
    }
}

/// Dropping a tree must not recurse once per level: expressions are as deep as
/// the source nests (a 300,000-term sum is a 300,000-deep `BinOp` chain), and
/// statements too (an `elif` chain is an `If` in the `orelse` of an `If`).
/// A node's kind is taken out and dropped by `drop_bounded`.
impl Drop for Expr {
    fn drop(&mut self) {
        if !matches!(self.kind, ExprKind::Constant { .. } | ExprKind::Name { .. }) {
            drop_bounded(std::mem::replace(&mut self.kind, placeholder_kind()), &PENDING_EXPRS);
        }
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        if has_statements(&self.kind) {
            drop_bounded(std::mem::replace(&mut self.kind, StmtKind::Pass), &PENDING_STMTS);
        }
    }
}

/// How many nodes deep drops recurse before using the worklists.
const DROP_RECURSION_LIMIT: u32 = 128;

thread_local! {
    /// How many `drop_bounded` calls are under way on this thread.
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Kinds of nodes met too deep, left to the outermost drop.
    static PENDING_EXPRS: RefCell<Vec<ExprKind>> = const { RefCell::new(Vec::new()) };
    static PENDING_STMTS: RefCell<Vec<StmtKind>> = const { RefCell::new(Vec::new()) };
}

/// Drops a node's kind, recursing as usual up to `DROP_RECURSION_LIMIT` nested
/// nodes; deeper ones wait in `pending` until the outermost call drops them
/// (from a fresh depth).
fn drop_bounded<K: 'static>(kind: K, pending: &'static LocalKey<RefCell<Vec<K>>>) {
    let depth = DROP_DEPTH.get();
    if depth >= DROP_RECURSION_LIMIT {
        let mut kind = Some(kind);
        let _ = pending.try_with(|p| p.borrow_mut().extend(kind.take()));
        // Still here only during thread teardown, the worklist gone: recurse.
        drop(kind);
        return;
    }
    DROP_DEPTH.set(depth + 1);
    drop(kind);
    if depth == 0 {
        loop {
            if let Some(k) = PENDING_EXPRS.try_with(|p| p.borrow_mut().pop()).ok().flatten() {
                drop(k);
            } else if let Some(k) = PENDING_STMTS.try_with(|p| p.borrow_mut().pop()).ok().flatten() {
                drop(k);
            } else {
                break;
            }
        }
    }
    DROP_DEPTH.set(depth);
}

/// A childless expression kind, left where a kind was moved out.
fn placeholder_kind() -> ExprKind {
    ExprKind::Constant { value: Constant::None, kind: None }
}

/// Whether a statement kind can hold other statements.
fn has_statements(kind: &StmtKind) -> bool {
    use StmtKind::*;
    matches!(
        kind,
        FunctionDef(_) | AsyncFunctionDef(_) | ClassDef(_) | For(_) | AsyncFor(_) | While { .. } | If { .. } | With(_) | AsyncWith(_) | Match { .. } | Try(_) | TryStar(_)
    )
}

impl Stmt {
    pub fn new(loc: Loc, kind: StmtKind) -> Stmt {
        Stmt { loc, kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf() -> Expr {
        Expr::new(Loc::default(), ExprKind::Name { id: "a".into(), ctx: ExprContext::Load })
    }

    /// Wraps `e` in the `i`-th of several kinds of parent, so that every way of
    /// holding a child (box, vector, option, comprehension, keyword, arguments) nests.
    fn wrap(i: usize, e: Expr) -> Expr {
        fn b<T>(x: T) -> Box<T> {
            Box::new(x)
        }
        let kind = match i % 9 {
            0 => ExprKind::UnaryOp { op: UnaryOp::Not, operand: b(e) },
            1 => ExprKind::BinOp { left: b(e), op: Operator::Add, right: b(leaf()) },
            2 => ExprKind::Call { func: b(leaf()), args: vec![leaf()], keywords: vec![Keyword { loc: Loc::default(), arg: None, value: e }] },
            3 => ExprKind::Lambda { args: b(Arguments { defaults: vec![e], ..Default::default() }), body: b(leaf()) },
            4 => ExprKind::ListComp { elt: b(leaf()), generators: vec![Comprehension { target: leaf(), iter: leaf(), ifs: vec![e], is_async: false }] },
            5 => ExprKind::Dict { keys: vec![None, Some(e)], values: vec![leaf(), leaf()] },
            6 => ExprKind::Slice { lower: None, upper: None, step: Some(b(e)) },
            7 => ExprKind::Tuple { elts: vec![leaf(), e], ctx: ExprContext::Load },
            _ => ExprKind::FormattedValue { value: b(leaf()), conversion: -1, format_spec: Some(b(e)) },
        };
        Expr::new(Loc::default(), kind)
    }

    #[test]
    fn dropping_a_deep_tree_does_not_recurse() {
        // A small stack: a recursive drop of this tree would need hundreds of MiB.
        let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
            let mut e = leaf();
            for i in 0..1_000_000 {
                e = wrap(i, e);
            }
            drop(e);
        });
        assert!(matches!(worker.map(|w| w.join()), Ok(Ok(()))));
    }

    #[test]
    fn dropping_a_deep_elif_chain_does_not_recurse() {
        let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
            let pass = || Stmt::new(Loc::default(), StmtKind::Pass);
            let mut s = pass();
            for i in 0..1_000_000 {
                let kind = match i % 3 {
                    0 => StmtKind::If { test: Box::new(leaf()), body: vec![pass()], orelse: vec![s] },
                    1 => StmtKind::While { test: Box::new(leaf()), body: vec![pass(), s], orelse: vec![] },
                    _ => StmtKind::Try(Try {
                        body: vec![pass()],
                        handlers: vec![ExceptHandler { loc: Loc::default(), type_: None, name: None, body: vec![s] }],
                        orelse: vec![],
                        finalbody: vec![],
                    }),
                };
                s = Stmt::new(Loc::default(), kind);
            }
            drop(s);
        });
        assert!(matches!(worker.map(|w| w.join()), Ok(Ok(()))));
    }

    #[test]
    fn into_kind_moves_the_kind_out() {
        let e = wrap(0, leaf());
        let ExprKind::UnaryOp { operand, .. } = e.into_kind() else { panic!() };
        assert_eq!(*operand, leaf());
    }
}
