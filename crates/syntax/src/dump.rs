//! `ast.dump(tree, include_attributes=...)` output, byte for byte as CPython 3.11.
//!
//! CPython's `ast.dump` (without `indent`) prints each node as
//! `Name(field=value, ...)`, fields in `_fields` order, then, with
//! `include_attributes`, `lineno`, `col_offset`, `end_lineno` and `end_col_offset`.
//! An optional (`?` in the ASDL) field whose value is `None` is left out; any other
//! `None` (a `Dict` key, a `kw_defaults` entry, a `MatchSingleton` value) is printed.
//! Lists print as `[a, b]`, scalars through Python's `repr`.
//!
//! The printer walks the tree with an explicit work stack instead of recursion,
//! so no tree depth can overflow the Rust stack, and writes everything into one
//! `String`.

use crate::ast::*;
use pyrite_repr::{
    push_decimal_i64, push_decimal_u32, write_bytes_repr, write_complex_repr, write_float_repr, write_str_repr,
    write_str_repr_of,
};
use std::fmt::Write as _;

/// `ast.dump(module, include_attributes=include_attributes)` as CPython 3.11 prints it.
pub fn dump(module: &Mod, include_attributes: bool) -> String {
    Dumper::run(Task::Mod(module), include_attributes)
}

/// `ast.dump` of a single expression node.
pub fn dump_expr(expr: &Expr, include_attributes: bool) -> String {
    Dumper::run(Task::Expr(expr), include_attributes)
}

/// `ast.dump` of a single statement node.
pub fn dump_stmt(stmt: &Stmt, include_attributes: bool) -> String {
    Dumper::run(Task::Stmt(stmt), include_attributes)
}

/// `ast.dump` of a single pattern node.
pub fn dump_pattern(pattern: &Pattern, include_attributes: bool) -> String {
    Dumper::run(Task::Pattern(pattern), include_attributes)
}

/// One pending piece of output. Popping a node task writes its `Name(` and
/// pushes the rest of the node as further tasks.
#[derive(Clone, Copy)]
enum Task<'a> {
    /// Fixed text such as `Load()` or `None`.
    Text(&'static str),
    /// `name=`, preceded by `, ` unless it is the node's first field.
    Field {
        name: &'static str,
        first: bool,
    },
    /// The node's attributes (when asked for) and its `)`.
    Close {
        loc: Option<Loc>,
        had_fields: bool,
    },
    /// The rest of a list; `first` means nothing of it has been written yet, not even `[`.
    List {
        items: Seq<'a>,
        first: bool,
    },
    /// The rest of the items of a constant tuple or frozenset, the opening
    /// bracket already written: `(a, b)`, `(a,)`, `()`, `frozenset({a, b})`.
    ConstItems {
        items: &'a [Constant],
        first: bool,
        close: &'static str,
    },
    Int(i64),
    Ident(&'a str),
    Str(&'a str),
    Constant(&'a Constant),
    Mod(&'a Mod),
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    /// An expression that may be `None` inside a list (`Dict.keys`, `kw_defaults`).
    OptExpr(Option<&'a Expr>),
    Pattern(&'a Pattern),
    Arguments(&'a Arguments),
    Arg(&'a Arg),
    Keyword(&'a Keyword),
    Alias(&'a Alias),
    WithItem(&'a WithItem),
    MatchCase(&'a MatchCase),
    Handler(&'a ExceptHandler),
    Comprehension(&'a Comprehension),
    TypeIgnore(&'a TypeIgnore),
}

/// A list field's remaining elements.
#[derive(Clone, Copy)]
enum Seq<'a> {
    Stmts(&'a [Stmt]),
    Exprs(&'a [Expr]),
    OptExprs(&'a [Option<Expr>]),
    Patterns(&'a [Pattern]),
    Idents(&'a [Ident]),
    Keywords(&'a [Keyword]),
    Aliases(&'a [Alias]),
    WithItems(&'a [WithItem]),
    MatchCases(&'a [MatchCase]),
    Handlers(&'a [ExceptHandler]),
    Comprehensions(&'a [Comprehension]),
    Args(&'a [Arg]),
    TypeIgnores(&'a [TypeIgnore]),
    CmpOps(&'a [CmpOp]),
}

impl<'a> Seq<'a> {
    /// The first element as a task and the remaining elements.
    fn split_first(self) -> Option<(Task<'a>, Seq<'a>)> {
        fn split<'a, T>(
            items: &'a [T],
            task: fn(&'a T) -> Task<'a>,
            rest: fn(&'a [T]) -> Seq<'a>,
        ) -> Option<(Task<'a>, Seq<'a>)> {
            items.split_first().map(|(head, tail)| (task(head), rest(tail)))
        }
        match self {
            Seq::Stmts(s) => split(s, Task::Stmt, Seq::Stmts),
            Seq::Exprs(s) => split(s, Task::Expr, Seq::Exprs),
            Seq::OptExprs(s) => split(s, |e| Task::OptExpr(e.as_ref()), Seq::OptExprs),
            Seq::Patterns(s) => split(s, Task::Pattern, Seq::Patterns),
            Seq::Idents(s) => split(s, |i| Task::Ident(i), Seq::Idents),
            Seq::Keywords(s) => split(s, Task::Keyword, Seq::Keywords),
            Seq::Aliases(s) => split(s, Task::Alias, Seq::Aliases),
            Seq::WithItems(s) => split(s, Task::WithItem, Seq::WithItems),
            Seq::MatchCases(s) => split(s, Task::MatchCase, Seq::MatchCases),
            Seq::Handlers(s) => split(s, Task::Handler, Seq::Handlers),
            Seq::Comprehensions(s) => split(s, Task::Comprehension, Seq::Comprehensions),
            Seq::Args(s) => split(s, Task::Arg, Seq::Args),
            Seq::TypeIgnores(s) => split(s, Task::TypeIgnore, Seq::TypeIgnores),
            Seq::CmpOps(s) => split(s, |op| Task::Text(cmpop_name(*op)), Seq::CmpOps),
        }
    }
}

/// The node being laid out: where its tasks start on the stack and whether a field was pushed yet.
struct NodeTasks {
    mark: usize,
    first: bool,
    loc: Option<Loc>,
}

struct Dumper<'a> {
    out: String,
    stack: Vec<Task<'a>>,
    include_attributes: bool,
}

impl<'a> Dumper<'a> {
    fn run(root: Task<'a>, include_attributes: bool) -> String {
        let mut dumper =
            Dumper { out: String::with_capacity(4096), stack: Vec::with_capacity(256), include_attributes };
        dumper.stack.push(root);
        while let Some(task) = dumper.stack.pop() {
            dumper.step(task);
        }
        dumper.out
    }

    /// Writes `Name(` and starts collecting the node's tasks.
    fn begin(&mut self, name: &str, loc: Option<Loc>) -> NodeTasks {
        self.out.push_str(name);
        self.out.push('(');
        NodeTasks { mark: self.stack.len(), first: true, loc }
    }

    fn field(&mut self, node: &mut NodeTasks, name: &'static str, value: Task<'a>) {
        self.stack.push(Task::Field { name, first: node.first });
        self.stack.push(value);
        node.first = false;
    }

    /// An optional (`?`) field: left out entirely when `None`, as `ast.dump` does.
    fn opt_field(&mut self, node: &mut NodeTasks, name: &'static str, value: Option<Task<'a>>) {
        if let Some(value) = value {
            self.field(node, name, value);
        }
    }

    fn list(&mut self, node: &mut NodeTasks, name: &'static str, items: Seq<'a>) {
        self.field(node, name, Task::List { items, first: true });
    }

    /// Finishes the node: its tasks were pushed in output order, the stack pops in reverse.
    fn end(&mut self, node: NodeTasks) {
        self.stack.push(Task::Close { loc: node.loc, had_fields: !node.first });
        self.stack[node.mark..].reverse();
    }

    fn step(&mut self, task: Task<'a>) {
        match task {
            Task::Text(text) => self.out.push_str(text),
            Task::Field { name, first } => {
                if !first {
                    self.out.push_str(", ");
                }
                self.out.push_str(name);
                self.out.push('=');
            }
            Task::Close { loc, had_fields } => {
                if let (Some(loc), true) = (loc, self.include_attributes) {
                    self.attributes(loc, had_fields);
                }
                self.out.push(')');
            }
            Task::List { items, first } => {
                if first {
                    self.out.push('[');
                }
                match items.split_first() {
                    None => self.out.push(']'),
                    Some((head, rest)) => {
                        if !first {
                            self.out.push_str(", ");
                        }
                        self.stack.push(Task::List { items: rest, first: false });
                        self.stack.push(head);
                    }
                }
            }
            Task::ConstItems { items, first, close } => {
                match items.split_first() {
                    None => self.out.push_str(close),
                    Some((head, rest)) => {
                        if !first {
                            self.out.push_str(", ");
                        }
                        self.stack.push(Task::ConstItems { items: rest, first: false, close });
                        self.stack.push(Task::Constant(head));
                    }
                }
            }
            Task::Int(n) => push_decimal_i64(&mut self.out, n),
            Task::Ident(s) | Task::Str(s) => write_str_repr_of(&mut self.out, s),
            Task::Constant(c) => self.constant(c),
            Task::Mod(m) => self.module(m),
            Task::Stmt(s) => self.stmt(s),
            Task::Expr(e) => self.expr(e),
            Task::OptExpr(Some(e)) => self.expr(e),
            Task::OptExpr(None) => self.out.push_str("None"),
            Task::Pattern(p) => self.pattern(p),
            Task::Arguments(a) => self.arguments(a),
            Task::Arg(a) => self.arg(a),
            Task::Keyword(k) => {
                let mut n = self.begin("keyword", Some(k.loc));
                self.opt_field(&mut n, "arg", k.arg.as_deref().map(Task::Ident));
                self.field(&mut n, "value", Task::Expr(&k.value));
                self.end(n);
            }
            Task::Alias(a) => {
                let mut n = self.begin("alias", Some(a.loc));
                self.field(&mut n, "name", Task::Ident(&a.name));
                self.opt_field(&mut n, "asname", a.asname.as_deref().map(Task::Ident));
                self.end(n);
            }
            Task::WithItem(w) => {
                let mut n = self.begin("withitem", None);
                self.field(&mut n, "context_expr", Task::Expr(&w.context_expr));
                self.opt_field(&mut n, "optional_vars", w.optional_vars.as_deref().map(Task::Expr));
                self.end(n);
            }
            Task::MatchCase(c) => {
                let mut n = self.begin("match_case", None);
                self.field(&mut n, "pattern", Task::Pattern(&c.pattern));
                self.opt_field(&mut n, "guard", c.guard.as_deref().map(Task::Expr));
                self.list(&mut n, "body", Seq::Stmts(&c.body));
                self.end(n);
            }
            Task::Handler(h) => {
                let mut n = self.begin("ExceptHandler", Some(h.loc));
                self.opt_field(&mut n, "type", h.type_.as_deref().map(Task::Expr));
                self.opt_field(&mut n, "name", h.name.as_deref().map(Task::Ident));
                self.list(&mut n, "body", Seq::Stmts(&h.body));
                self.end(n);
            }
            Task::Comprehension(c) => {
                let mut n = self.begin("comprehension", None);
                self.field(&mut n, "target", Task::Expr(&c.target));
                self.field(&mut n, "iter", Task::Expr(&c.iter));
                self.list(&mut n, "ifs", Seq::Exprs(&c.ifs));
                self.field(&mut n, "is_async", Task::Int(c.is_async as i64));
                self.end(n);
            }
            Task::TypeIgnore(t) => {
                let mut n = self.begin("TypeIgnore", None);
                self.field(&mut n, "lineno", Task::Int(t.lineno as i64));
                self.field(&mut n, "tag", Task::Str(&t.tag));
                self.end(n);
            }
        }
    }

    fn attributes(&mut self, loc: Loc, had_fields: bool) {
        let out = &mut self.out;
        if had_fields {
            out.push_str(", ");
        }
        out.push_str("lineno=");
        push_decimal_u32(out, loc.lineno);
        out.push_str(", col_offset=");
        push_decimal_u32(out, loc.col_offset);
        out.push_str(", end_lineno=");
        push_decimal_u32(out, loc.end_lineno);
        out.push_str(", end_col_offset=");
        push_decimal_u32(out, loc.end_col_offset);
    }

    fn constant(&mut self, constant: &'a Constant) {
        let out = &mut self.out;
        match constant {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(n) => push_decimal_i64(out, *n),
            // num-bigint's decimal digits are Python's repr(int). (CPython would refuse
            // beyond 4300 digits with a ValueError; ast.dump has no way to say that.)
            Constant::BigInt(n) => {
                let _ = write!(out, "{}", n);
            }
            Constant::Float(x) => write_float_repr(out, *x),
            Constant::Complex { real, imag } => write_complex_repr(out, *real, *imag),
            Constant::Str(s) => match s.as_str() {
                Some(text) => write_str_repr_of(out, text),
                None => write_str_repr(out, s.code_points()),
            },
            Constant::Bytes(b) => write_bytes_repr(out, b),
            Constant::Tuple(items) => {
                out.push('(');
                let close = if items.len() == 1 { ",)" } else { ")" };
                self.stack.push(Task::ConstItems { items, first: true, close });
            }
            // Python's repr lists a set's items in its hash table's order, which
            // the AST does not model (for str items it depends on
            // PYTHONHASHSEED); the items are printed in insertion order.
            Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
            Constant::FrozenSet(items) => {
                out.push_str("frozenset({");
                self.stack.push(Task::ConstItems { items, first: true, close: "})" });
            }
        }
    }

    fn module(&mut self, module: &'a Mod) {
        match module {
            Mod::Module { body, type_ignores } => {
                let mut n = self.begin("Module", None);
                self.list(&mut n, "body", Seq::Stmts(body));
                self.list(&mut n, "type_ignores", Seq::TypeIgnores(type_ignores));
                self.end(n);
            }
            Mod::Interactive { body } => {
                let mut n = self.begin("Interactive", None);
                self.list(&mut n, "body", Seq::Stmts(body));
                self.end(n);
            }
            Mod::Expression { body } => {
                let mut n = self.begin("Expression", None);
                self.field(&mut n, "body", Task::Expr(body));
                self.end(n);
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut n = self.begin("FunctionType", None);
                self.list(&mut n, "argtypes", Seq::Exprs(argtypes));
                self.field(&mut n, "returns", Task::Expr(returns));
                self.end(n);
            }
        }
    }

    fn function_def(&mut self, name: &str, loc: Loc, f: &'a FunctionDef) {
        let mut n = self.begin(name, Some(loc));
        self.field(&mut n, "name", Task::Ident(&f.name));
        self.field(&mut n, "args", Task::Arguments(&f.args));
        self.list(&mut n, "body", Seq::Stmts(&f.body));
        self.list(&mut n, "decorator_list", Seq::Exprs(&f.decorator_list));
        self.opt_field(&mut n, "returns", f.returns.as_deref().map(Task::Expr));
        self.opt_field(&mut n, "type_comment", f.type_comment.as_deref().map(Task::Str));
        self.end(n);
    }

    fn for_loop(&mut self, name: &str, loc: Loc, f: &'a For) {
        let mut n = self.begin(name, Some(loc));
        self.field(&mut n, "target", Task::Expr(&f.target));
        self.field(&mut n, "iter", Task::Expr(&f.iter));
        self.list(&mut n, "body", Seq::Stmts(&f.body));
        self.list(&mut n, "orelse", Seq::Stmts(&f.orelse));
        self.opt_field(&mut n, "type_comment", f.type_comment.as_deref().map(Task::Str));
        self.end(n);
    }

    fn with(&mut self, name: &str, loc: Loc, w: &'a With) {
        let mut n = self.begin(name, Some(loc));
        self.list(&mut n, "items", Seq::WithItems(&w.items));
        self.list(&mut n, "body", Seq::Stmts(&w.body));
        self.opt_field(&mut n, "type_comment", w.type_comment.as_deref().map(Task::Str));
        self.end(n);
    }

    fn try_stmt(&mut self, name: &str, loc: Loc, t: &'a Try) {
        let mut n = self.begin(name, Some(loc));
        self.list(&mut n, "body", Seq::Stmts(&t.body));
        self.list(&mut n, "handlers", Seq::Handlers(&t.handlers));
        self.list(&mut n, "orelse", Seq::Stmts(&t.orelse));
        self.list(&mut n, "finalbody", Seq::Stmts(&t.finalbody));
        self.end(n);
    }

    /// A statement whose fields are a test and two bodies (`While`, `If`).
    fn test_body_orelse(&mut self, name: &str, loc: Loc, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) {
        let mut n = self.begin(name, Some(loc));
        self.field(&mut n, "test", Task::Expr(test));
        self.list(&mut n, "body", Seq::Stmts(body));
        self.list(&mut n, "orelse", Seq::Stmts(orelse));
        self.end(n);
    }

    fn stmt(&mut self, stmt: &'a Stmt) {
        let loc = stmt.loc;
        match &stmt.kind {
            StmtKind::FunctionDef(f) => self.function_def("FunctionDef", loc, f),
            StmtKind::AsyncFunctionDef(f) => self.function_def("AsyncFunctionDef", loc, f),
            StmtKind::ClassDef(c) => {
                let mut n = self.begin("ClassDef", Some(loc));
                self.field(&mut n, "name", Task::Ident(&c.name));
                self.list(&mut n, "bases", Seq::Exprs(&c.bases));
                self.list(&mut n, "keywords", Seq::Keywords(&c.keywords));
                self.list(&mut n, "body", Seq::Stmts(&c.body));
                self.list(&mut n, "decorator_list", Seq::Exprs(&c.decorator_list));
                self.end(n);
            }
            StmtKind::Return { value } => {
                let mut n = self.begin("Return", Some(loc));
                self.opt_field(&mut n, "value", value.as_deref().map(Task::Expr));
                self.end(n);
            }
            StmtKind::Delete { targets } => {
                let mut n = self.begin("Delete", Some(loc));
                self.list(&mut n, "targets", Seq::Exprs(targets));
                self.end(n);
            }
            StmtKind::Assign { targets, value, type_comment } => {
                let mut n = self.begin("Assign", Some(loc));
                self.list(&mut n, "targets", Seq::Exprs(targets));
                self.field(&mut n, "value", Task::Expr(value));
                self.opt_field(&mut n, "type_comment", type_comment.as_deref().map(Task::Str));
                self.end(n);
            }
            StmtKind::AugAssign { target, op, value } => {
                let mut n = self.begin("AugAssign", Some(loc));
                self.field(&mut n, "target", Task::Expr(target));
                self.field(&mut n, "op", Task::Text(operator_name(*op)));
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let mut n = self.begin("AnnAssign", Some(loc));
                self.field(&mut n, "target", Task::Expr(target));
                self.field(&mut n, "annotation", Task::Expr(annotation));
                self.opt_field(&mut n, "value", value.as_deref().map(Task::Expr));
                self.field(&mut n, "simple", Task::Int(*simple as i64));
                self.end(n);
            }
            StmtKind::For(f) => self.for_loop("For", loc, f),
            StmtKind::AsyncFor(f) => self.for_loop("AsyncFor", loc, f),
            StmtKind::While { test, body, orelse } => self.test_body_orelse("While", loc, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.test_body_orelse("If", loc, test, body, orelse),
            StmtKind::With(w) => self.with("With", loc, w),
            StmtKind::AsyncWith(w) => self.with("AsyncWith", loc, w),
            StmtKind::Match { subject, cases } => {
                let mut n = self.begin("Match", Some(loc));
                self.field(&mut n, "subject", Task::Expr(subject));
                self.list(&mut n, "cases", Seq::MatchCases(cases));
                self.end(n);
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = self.begin("Raise", Some(loc));
                self.opt_field(&mut n, "exc", exc.as_deref().map(Task::Expr));
                self.opt_field(&mut n, "cause", cause.as_deref().map(Task::Expr));
                self.end(n);
            }
            StmtKind::Try(t) => self.try_stmt("Try", loc, t),
            StmtKind::TryStar(t) => self.try_stmt("TryStar", loc, t),
            StmtKind::Assert { test, msg } => {
                let mut n = self.begin("Assert", Some(loc));
                self.field(&mut n, "test", Task::Expr(test));
                self.opt_field(&mut n, "msg", msg.as_deref().map(Task::Expr));
                self.end(n);
            }
            StmtKind::Import { names } => {
                let mut n = self.begin("Import", Some(loc));
                self.list(&mut n, "names", Seq::Aliases(names));
                self.end(n);
            }
            StmtKind::ImportFrom { module, names, level } => {
                let mut n = self.begin("ImportFrom", Some(loc));
                self.opt_field(&mut n, "module", module.as_deref().map(Task::Ident));
                self.list(&mut n, "names", Seq::Aliases(names));
                self.field(&mut n, "level", Task::Int(*level as i64));
                self.end(n);
            }
            StmtKind::Global { names } => {
                let mut n = self.begin("Global", Some(loc));
                self.list(&mut n, "names", Seq::Idents(names));
                self.end(n);
            }
            StmtKind::Nonlocal { names } => {
                let mut n = self.begin("Nonlocal", Some(loc));
                self.list(&mut n, "names", Seq::Idents(names));
                self.end(n);
            }
            StmtKind::Expr { value } => {
                let mut n = self.begin("Expr", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            StmtKind::Pass => self.empty_node("Pass", loc),
            StmtKind::Break => self.empty_node("Break", loc),
            StmtKind::Continue => self.empty_node("Continue", loc),
        }
    }

    /// A node without fields: `Pass()`, or `Pass(lineno=...)` with attributes.
    fn empty_node(&mut self, name: &str, loc: Loc) {
        let n = self.begin(name, Some(loc));
        self.end(n);
    }

    /// `ListComp`, `SetComp`, `GeneratorExp`.
    fn comprehension_expr(&mut self, name: &str, loc: Loc, elt: &'a Expr, generators: &'a [Comprehension]) {
        let mut n = self.begin(name, Some(loc));
        self.field(&mut n, "elt", Task::Expr(elt));
        self.list(&mut n, "generators", Seq::Comprehensions(generators));
        self.end(n);
    }

    /// `Starred`, `Name`, `List`, `Tuple`, `Attribute`, `Subscript` end with their context.
    fn ctx_field(&mut self, n: &mut NodeTasks, ctx: ExprContext) {
        let text = match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        };
        self.field(n, "ctx", Task::Text(text));
    }

    fn expr(&mut self, expr: &'a Expr) {
        let loc = expr.loc;
        match &expr.kind {
            ExprKind::BoolOp { op, values } => {
                let mut n = self.begin("BoolOp", Some(loc));
                let op = match op {
                    BoolOp::And => "And()",
                    BoolOp::Or => "Or()",
                };
                self.field(&mut n, "op", Task::Text(op));
                self.list(&mut n, "values", Seq::Exprs(values));
                self.end(n);
            }
            ExprKind::NamedExpr { target, value } => {
                let mut n = self.begin("NamedExpr", Some(loc));
                self.field(&mut n, "target", Task::Expr(target));
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            ExprKind::BinOp { left, op, right } => {
                let mut n = self.begin("BinOp", Some(loc));
                self.field(&mut n, "left", Task::Expr(left));
                self.field(&mut n, "op", Task::Text(operator_name(*op)));
                self.field(&mut n, "right", Task::Expr(right));
                self.end(n);
            }
            ExprKind::UnaryOp { op, operand } => {
                let mut n = self.begin("UnaryOp", Some(loc));
                let op = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                self.field(&mut n, "op", Task::Text(op));
                self.field(&mut n, "operand", Task::Expr(operand));
                self.end(n);
            }
            ExprKind::Lambda { args, body } => {
                let mut n = self.begin("Lambda", Some(loc));
                self.field(&mut n, "args", Task::Arguments(args));
                self.field(&mut n, "body", Task::Expr(body));
                self.end(n);
            }
            ExprKind::IfExp { test, body, orelse } => {
                let mut n = self.begin("IfExp", Some(loc));
                self.field(&mut n, "test", Task::Expr(test));
                self.field(&mut n, "body", Task::Expr(body));
                self.field(&mut n, "orelse", Task::Expr(orelse));
                self.end(n);
            }
            ExprKind::Dict { keys, values } => {
                let mut n = self.begin("Dict", Some(loc));
                self.list(&mut n, "keys", Seq::OptExprs(keys));
                self.list(&mut n, "values", Seq::Exprs(values));
                self.end(n);
            }
            ExprKind::Set { elts } => {
                let mut n = self.begin("Set", Some(loc));
                self.list(&mut n, "elts", Seq::Exprs(elts));
                self.end(n);
            }
            ExprKind::ListComp { elt, generators } => self.comprehension_expr("ListComp", loc, elt, generators),
            ExprKind::SetComp { elt, generators } => self.comprehension_expr("SetComp", loc, elt, generators),
            ExprKind::GeneratorExp { elt, generators } => self.comprehension_expr("GeneratorExp", loc, elt, generators),
            ExprKind::DictComp { key, value, generators } => {
                let mut n = self.begin("DictComp", Some(loc));
                self.field(&mut n, "key", Task::Expr(key));
                self.field(&mut n, "value", Task::Expr(value));
                self.list(&mut n, "generators", Seq::Comprehensions(generators));
                self.end(n);
            }
            ExprKind::Await { value } => {
                let mut n = self.begin("Await", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            ExprKind::Yield { value } => {
                let mut n = self.begin("Yield", Some(loc));
                self.opt_field(&mut n, "value", value.as_deref().map(Task::Expr));
                self.end(n);
            }
            ExprKind::YieldFrom { value } => {
                let mut n = self.begin("YieldFrom", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            ExprKind::Compare { left, ops, comparators } => {
                let mut n = self.begin("Compare", Some(loc));
                self.field(&mut n, "left", Task::Expr(left));
                self.list(&mut n, "ops", Seq::CmpOps(ops));
                self.list(&mut n, "comparators", Seq::Exprs(comparators));
                self.end(n);
            }
            ExprKind::Call { func, args, keywords } => {
                let mut n = self.begin("Call", Some(loc));
                self.field(&mut n, "func", Task::Expr(func));
                self.list(&mut n, "args", Seq::Exprs(args));
                self.list(&mut n, "keywords", Seq::Keywords(keywords));
                self.end(n);
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let mut n = self.begin("FormattedValue", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.field(&mut n, "conversion", Task::Int(*conversion as i64));
                self.opt_field(&mut n, "format_spec", format_spec.as_deref().map(Task::Expr));
                self.end(n);
            }
            ExprKind::JoinedStr { values } => {
                let mut n = self.begin("JoinedStr", Some(loc));
                self.list(&mut n, "values", Seq::Exprs(values));
                self.end(n);
            }
            ExprKind::Constant { value, kind } => {
                let mut n = self.begin("Constant", Some(loc));
                self.field(&mut n, "value", Task::Constant(value));
                self.opt_field(&mut n, "kind", kind.as_deref().map(Task::Str));
                self.end(n);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                let mut n = self.begin("Attribute", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.field(&mut n, "attr", Task::Ident(attr));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                let mut n = self.begin("Subscript", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.field(&mut n, "slice", Task::Expr(slice));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::Starred { value, ctx } => {
                let mut n = self.begin("Starred", Some(loc));
                self.field(&mut n, "value", Task::Expr(value));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::Name { id, ctx } => {
                let mut n = self.begin("Name", Some(loc));
                self.field(&mut n, "id", Task::Ident(id));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::List { elts, ctx } => {
                let mut n = self.begin("List", Some(loc));
                self.list(&mut n, "elts", Seq::Exprs(elts));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::Tuple { elts, ctx } => {
                let mut n = self.begin("Tuple", Some(loc));
                self.list(&mut n, "elts", Seq::Exprs(elts));
                self.ctx_field(&mut n, *ctx);
                self.end(n);
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = self.begin("Slice", Some(loc));
                self.opt_field(&mut n, "lower", lower.as_deref().map(Task::Expr));
                self.opt_field(&mut n, "upper", upper.as_deref().map(Task::Expr));
                self.opt_field(&mut n, "step", step.as_deref().map(Task::Expr));
                self.end(n);
            }
        }
    }

    fn arguments(&mut self, a: &'a Arguments) {
        let mut n = self.begin("arguments", None);
        self.list(&mut n, "posonlyargs", Seq::Args(&a.posonlyargs));
        self.list(&mut n, "args", Seq::Args(&a.args));
        self.opt_field(&mut n, "vararg", a.vararg.as_deref().map(Task::Arg));
        self.list(&mut n, "kwonlyargs", Seq::Args(&a.kwonlyargs));
        self.list(&mut n, "kw_defaults", Seq::OptExprs(&a.kw_defaults));
        self.opt_field(&mut n, "kwarg", a.kwarg.as_deref().map(Task::Arg));
        self.list(&mut n, "defaults", Seq::Exprs(&a.defaults));
        self.end(n);
    }

    fn arg(&mut self, a: &'a Arg) {
        let mut n = self.begin("arg", Some(a.loc));
        self.field(&mut n, "arg", Task::Ident(&a.arg));
        self.opt_field(&mut n, "annotation", a.annotation.as_deref().map(Task::Expr));
        self.opt_field(&mut n, "type_comment", a.type_comment.as_deref().map(Task::Str));
        self.end(n);
    }

    fn pattern(&mut self, pattern: &'a Pattern) {
        let loc = Some(pattern.loc);
        match &pattern.kind {
            PatternKind::MatchValue { value } => {
                let mut n = self.begin("MatchValue", loc);
                self.field(&mut n, "value", Task::Expr(value));
                self.end(n);
            }
            PatternKind::MatchSingleton { value } => {
                let mut n = self.begin("MatchSingleton", loc);
                self.field(&mut n, "value", Task::Constant(value));
                self.end(n);
            }
            PatternKind::MatchSequence { patterns } => {
                let mut n = self.begin("MatchSequence", loc);
                self.list(&mut n, "patterns", Seq::Patterns(patterns));
                self.end(n);
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                let mut n = self.begin("MatchMapping", loc);
                self.list(&mut n, "keys", Seq::Exprs(keys));
                self.list(&mut n, "patterns", Seq::Patterns(patterns));
                self.opt_field(&mut n, "rest", rest.as_deref().map(Task::Ident));
                self.end(n);
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                let mut n = self.begin("MatchClass", loc);
                self.field(&mut n, "cls", Task::Expr(cls));
                self.list(&mut n, "patterns", Seq::Patterns(patterns));
                self.list(&mut n, "kwd_attrs", Seq::Idents(kwd_attrs));
                self.list(&mut n, "kwd_patterns", Seq::Patterns(kwd_patterns));
                self.end(n);
            }
            PatternKind::MatchStar { name } => {
                let mut n = self.begin("MatchStar", loc);
                self.opt_field(&mut n, "name", name.as_deref().map(Task::Ident));
                self.end(n);
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut n = self.begin("MatchAs", loc);
                self.opt_field(&mut n, "pattern", pattern.as_deref().map(Task::Pattern));
                self.opt_field(&mut n, "name", name.as_deref().map(Task::Ident));
                self.end(n);
            }
            PatternKind::MatchOr { patterns } => {
                let mut n = self.begin("MatchOr", loc);
                self.list(&mut n, "patterns", Seq::Patterns(patterns));
                self.end(n);
            }
        }
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::MatMult => "MatMult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: &str, loc: Loc) -> Expr {
        Expr::new(loc, ExprKind::Name { id: id.to_string(), ctx: ExprContext::Load })
    }

    fn int(n: i64, loc: Loc) -> Expr {
        Expr::new(loc, ExprKind::Constant { value: Constant::Int(n), kind: None })
    }

    // Expected strings below are python3.11's `ast.dump` of the same trees.

    #[test]
    fn node_without_fields() {
        let pass = Stmt::new(Loc::new(1, 0, 1, 4), StmtKind::Pass);
        assert_eq!(dump_stmt(&pass, false), "Pass()");
        assert_eq!(dump_stmt(&pass, true), "Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)");
    }

    #[test]
    fn optional_fields_left_out() {
        let loc = Loc::new(1, 0, 1, 5);
        let slice = Expr::new(
            Loc::new(1, 2, 1, 4),
            ExprKind::Slice { lower: Some(Box::new(int(1, Loc::new(1, 2, 1, 3)))), upper: None, step: None },
        );
        let subscript = Expr::new(
            loc,
            ExprKind::Subscript {
                value: Box::new(name("x", Loc::new(1, 0, 1, 1))),
                slice: Box::new(slice),
                ctx: ExprContext::Load,
            },
        );
        assert_eq!(
            dump_expr(&subscript, false),
            "Subscript(value=Name(id='x', ctx=Load()), slice=Slice(lower=Constant(value=1)), ctx=Load())"
        );
    }

    #[test]
    fn patterns_with_attributes() {
        let at = |c0, c1| Loc::new(2, c0, 2, c1);
        let sequence = Pattern {
            loc: at(6, 13),
            kind: PatternKind::MatchSequence {
                patterns: vec![
                    Pattern { loc: at(7, 8), kind: PatternKind::MatchValue { value: Box::new(int(1, at(7, 8))) } },
                    Pattern { loc: at(10, 12), kind: PatternKind::MatchStar { name: None } },
                ],
            },
        };
        let mapping = Pattern {
            loc: at(16, 21),
            kind: PatternKind::MatchMapping { keys: vec![], patterns: vec![], rest: Some("r".into()) },
        };
        let or = Pattern { loc: at(6, 21), kind: PatternKind::MatchOr { patterns: vec![sequence, mapping] } };
        let pattern = Pattern {
            loc: at(6, 26),
            kind: PatternKind::MatchAs { pattern: Some(Box::new(or)), name: Some("y".into()) },
        };
        assert_eq!(
            dump_pattern(&pattern, true),
            "MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, \
             col_offset=7, end_lineno=2, end_col_offset=8), lineno=2, col_offset=7, end_lineno=2, end_col_offset=8), \
             MatchStar(lineno=2, col_offset=10, end_lineno=2, end_col_offset=12)], lineno=2, col_offset=6, end_lineno=2, \
             end_col_offset=13), MatchMapping(keys=[], patterns=[], rest='r', lineno=2, col_offset=16, end_lineno=2, \
             end_col_offset=21)], lineno=2, col_offset=6, end_lineno=2, end_col_offset=21), name='y', lineno=2, \
             col_offset=6, end_lineno=2, end_col_offset=26)"
        );
    }

    #[test]
    fn folded_tuple_and_frozenset_constants() {
        // python3.11: ast.dump(ast.Constant(value=...)) for these values.
        let cases = [
            (Constant::Tuple(vec![]), "Constant(value=())"),
            (Constant::Tuple(vec![Constant::Int(1)]), "Constant(value=(1,))"),
            (Constant::FrozenSet(vec![]), "Constant(value=frozenset())"),
            (Constant::FrozenSet(vec![Constant::Int(1), Constant::Int(2)]), "Constant(value=frozenset({1, 2}))"),
            (
                Constant::Tuple(vec![Constant::Int(1), Constant::FrozenSet(vec![Constant::Str("a".into())])]),
                "Constant(value=(1, frozenset({'a'})))",
            ),
        ];
        for (value, expected) in cases {
            let e = Expr::new(Loc::default(), ExprKind::Constant { value, kind: None });
            assert_eq!(dump_expr(&e, false), expected);
        }
    }

    #[test]
    fn deep_tree_does_not_overflow_the_stack() {
        const DEPTH: usize = 200_000;
        let loc = Loc::default();
        let mut expr = name("a", loc);
        for _ in 0..DEPTH {
            expr = Expr::new(loc, ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(expr) });
        }
        let text = dump_expr(&expr, false);
        let expected = "UnaryOp(op=Not(), operand=".repeat(DEPTH) + "Name(id='a', ctx=Load())" + &")".repeat(DEPTH);
        assert!(text == expected);
    }
}
