//! The abstract syntax tree, node for node as CPython 3.11's `Python.asdl`.
//!
//! Field names and order follow the `_fields` of Python's `ast` classes so that
//! `dump` can print them in CPython's order. Every located node carries a [`Loc`]
//! whose columns are UTF-8 byte offsets, exactly as `ast` reports them.

use crate::pystr::PyStr;
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
        std::mem::replace(&mut self.kind, ExprKind::Constant { value: Constant::None, kind: None })
    }
}

/// Dropping an expression must not recurse once per level: trees are as deep as
/// the source nests (a 300,000-term sum is a 300,000-deep `BinOp` chain). Each
/// child that has children of its own is moved to a worklist (a childless
/// `Constant` is left in its place), so every node is dropped with only leaves
/// under it.
impl Drop for Expr {
    fn drop(&mut self) {
        if is_leaf(&self.kind) {
            return;
        }
        let mut pending: Vec<Expr> = Vec::new();
        detach_children(&mut self.kind, &mut pending);
        while let Some(mut e) = pending.pop() {
            detach_children(&mut e.kind, &mut pending);
            // `e` is dropped here with only leaves left under it.
        }
    }
}

/// Statements nest without indentation too (an `elif` chain is an `If` in the
/// `orelse` of an `If`, thousands deep): their nested statements are dropped
/// from a worklist as well (expressions in them drop iteratively on their own).
impl Drop for Stmt {
    fn drop(&mut self) {
        let mut pending: Vec<Stmt> = Vec::new();
        detach_statements(&mut self.kind, &mut pending);
        while let Some(mut s) = pending.pop() {
            detach_statements(&mut s.kind, &mut pending);
        }
    }
}

/// Moves the statements nested in `kind` to `pending`, where some of them nest
/// statements in turn (others are dropped where they are).
fn detach_statements(kind: &mut StmtKind, pending: &mut Vec<Stmt>) {
    let mut detach = |body: &mut Vec<Stmt>| {
        if body.iter().any(|s| has_statements(&s.kind)) {
            pending.append(body);
        }
    };
    match kind {
        StmtKind::FunctionDef(d) | StmtKind::AsyncFunctionDef(d) => detach(&mut d.body),
        StmtKind::ClassDef(d) => detach(&mut d.body),
        StmtKind::For(f) | StmtKind::AsyncFor(f) => {
            detach(&mut f.body);
            detach(&mut f.orelse);
        }
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            detach(body);
            detach(orelse);
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => detach(&mut w.body),
        StmtKind::Match { cases, .. } => cases.iter_mut().for_each(|c| detach(&mut c.body)),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            detach(&mut t.body);
            t.handlers.iter_mut().for_each(|h| detach(&mut h.body));
            detach(&mut t.orelse);
            detach(&mut t.finalbody);
        }
        _ => {}
    }
}

/// Whether a statement kind can hold other statements.
fn has_statements(kind: &StmtKind) -> bool {
    use StmtKind::*;
    matches!(
        kind,
        FunctionDef(_) | AsyncFunctionDef(_) | ClassDef(_) | For(_) | AsyncFor(_) | While { .. } | If { .. } | With(_) | AsyncWith(_) | Match { .. } | Try(_) | TryStar(_)
    )
}

/// Whether an expression kind can hold no other expression.
fn is_leaf(kind: &ExprKind) -> bool {
    matches!(kind, ExprKind::Constant { .. } | ExprKind::Name { .. })
}

/// Moves the children of `kind` that have children of their own to `pending`.
fn detach_children(kind: &mut ExprKind, pending: &mut Vec<Expr>) {
    let mut detach = |e: &mut Expr| {
        if !is_leaf(&e.kind) {
            let leaf = Expr { loc: e.loc, kind: ExprKind::Constant { value: Constant::None, kind: None } };
            pending.push(std::mem::replace(e, leaf));
        }
    };
    for_each_child_mut(kind, &mut detach);
}

/// Calls `f` on every expression directly inside `kind` (also those inside its
/// comprehensions, keywords and arguments).
fn for_each_child_mut(kind: &mut ExprKind, f: &mut impl FnMut(&mut Expr)) {
    use ExprKind::*;
    match kind {
        BoolOp { values: v, .. } | Set { elts: v } | JoinedStr { values: v } | List { elts: v, .. } | Tuple { elts: v, .. } => {
            v.iter_mut().for_each(f)
        }
        NamedExpr { target: a, value: b } | BinOp { left: a, right: b, .. } => {
            f(a);
            f(b);
        }
        UnaryOp { operand: a, .. } | Await { value: a } | YieldFrom { value: a } | Attribute { value: a, .. } | Starred { value: a, .. } => f(a),
        Lambda { args, body } => {
            arguments_children_mut(args, f);
            f(body);
        }
        IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(&mut *f);
            values.iter_mut().for_each(f);
        }
        ListComp { elt, generators } | SetComp { elt, generators } | GeneratorExp { elt, generators } => {
            f(elt);
            comprehensions_children_mut(generators, f);
        }
        DictComp { key, value, generators } => {
            f(key);
            f(value);
            comprehensions_children_mut(generators, f);
        }
        Yield { value } => value.iter_mut().for_each(|e| f(e)),
        Compare { left, comparators, .. } => {
            f(left);
            comparators.iter_mut().for_each(f);
        }
        Call { func, args, keywords } => {
            f(func);
            args.iter_mut().for_each(&mut *f);
            keywords.iter_mut().for_each(|k| f(&mut k.value));
        }
        FormattedValue { value, format_spec, .. } => {
            f(value);
            format_spec.iter_mut().for_each(|e| f(e));
        }
        Subscript { value, slice, .. } => {
            f(value);
            f(slice);
        }
        Slice { lower, upper, step } => {
            for e in [lower, upper, step].into_iter().flatten() {
                f(e);
            }
        }
        Constant { .. } | Name { .. } => {}
    }
}

fn comprehensions_children_mut(generators: &mut [Comprehension], f: &mut impl FnMut(&mut Expr)) {
    for c in generators {
        f(&mut c.target);
        f(&mut c.iter);
        c.ifs.iter_mut().for_each(&mut *f);
    }
}

fn arguments_children_mut(args: &mut Arguments, f: &mut impl FnMut(&mut Expr)) {
    let Arguments { posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults } = args;
    let listed = posonlyargs.iter_mut().chain(args.iter_mut()).chain(kwonlyargs.iter_mut());
    let boxed = vararg.iter_mut().chain(kwarg.iter_mut()).map(|a| &mut **a);
    for a in listed.chain(boxed) {
        a.annotation.iter_mut().for_each(|e| f(e));
    }
    kw_defaults.iter_mut().flatten().for_each(&mut *f);
    defaults.iter_mut().for_each(f);
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
        let worker = std::thread::Builder::new().stack_size(256 << 10).spawn(|| {
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
        let worker = std::thread::Builder::new().stack_size(256 << 10).spawn(|| {
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
