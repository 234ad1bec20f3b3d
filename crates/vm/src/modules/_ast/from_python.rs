//! `compile(ast_object, ...)`: Python `ast` node objects back to pyrite's
//! tree, as CPython's `obj2ast_*` (Python/Python-ast.c) read them: fields are
//! looked up as attributes; a missing required field, a non-list where a list
//! belongs, a non-int location or a node of the wrong sort are TypeErrors (or
//! ValueErrors) with CPython's messages. Then the checks of `_PyAST_Validate`
//! that keep the compiler on trees the parser could have made: expression
//! contexts and constant types.

use crate::exception::{ExcKind, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::str::StrObject;
use crate::typeobj::{type_of, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_syntax::ast::*;
use num_traits::ToPrimitive;
use pyrite_syntax::pystr::PyStr;

pub(super) struct FromPython<'a> {
    pub(super) vm: &'a mut Vm,
    /// The `_ast` module's namespace: the node classes by name.
    pub(super) classes: Value,
}

type R<T> = PyResult<T>;

fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

impl FromPython<'_> {
    fn class(&self, name: &str) -> Option<Value> {
        self.classes.downcast_ref::<DictObject>().and_then(|d| d.get_str_key(name))
    }

    /// The name of the `_ast` class `obj` is an instance of (the nearest in its MRO).
    fn node_name(&self, obj: &Value) -> Option<String> {
        for base in type_of(obj).mro().items() {
            let Some(t) = base.downcast_ref::<TypeObject>() else { continue };
            let name = t.name_string();
            if self.class(&name).is_some_and(|c| c.is(base)) {
                return Some(name);
            }
        }
        None
    }

    fn wrong_sort(&mut self, sort: &str, obj: &Value) -> crate::exception::PyErr {
        match self.vm.repr_string(obj) {
            Ok(r) => self.vm.type_error(format!("expected some sort of {sort}, but got {r}")),
            Err(e) => e,
        }
    }

    /// An attribute, or None when the object lacks it (`_PyObject_LookupAttr`).
    fn attr(&mut self, obj: &Value, name: &str) -> R<Option<Value>> {
        match self.vm.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn required(&mut self, obj: &Value, name: &str, owner: &str) -> R<Value> {
        match self.attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.vm.type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// A `*` field: a list, required.
    fn list(&mut self, obj: &Value, name: &str, owner: &str) -> R<Vec<Value>> {
        let v = self.required(obj, name, owner)?;
        match v.downcast_ref::<crate::objects::list::ListObject>() {
            Some(l) => Ok(l.to_vec()),
            None => {
                let tn = self.vm.type_name(&v);
                Err(self.vm.type_error(format!("{owner} field \"{name}\" must be a list, not a {tn}")))
            }
        }
    }

    fn int(&mut self, v: &Value) -> R<i64> {
        match crate::objects::int::as_int(v).and_then(|i| i.to_i64()) {
            Some(n) if i32::try_from(n).is_ok() => Ok(n),
            Some(_) => Err(self.vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
            None if crate::objects::int::as_int(v).is_some() => {
                Err(self.vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"))
            }
            None => {
                let r = self.vm.repr_string(v)?;
                Err(self.vm.value_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn ident_value(&mut self, v: &Value) -> R<String> {
        match v.downcast_ref::<StrObject>() {
            Some(s) if crate::typeobj::is_exact(v, &crate::typeobj::STR_TYPE) => Ok(s.to_string_lossy()),
            _ => Err(self.vm.type_error("AST identifier must be of type str")),
        }
    }

    fn ident(&mut self, obj: &Value, name: &str, owner: &str) -> R<String> {
        let v = self.required(obj, name, owner)?;
        if v.is_none() {
            return Err(self.vm.value_error(format!("field '{name}' is required for {owner}")));
        }
        self.ident_value(&v)
    }

    fn opt_ident(&mut self, obj: &Value, name: &str) -> R<Option<String>> {
        match self.attr(obj, name)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => self.ident_value(&v).map(Some),
        }
    }

    fn opt_string(&mut self, obj: &Value, name: &str) -> R<Option<String>> {
        match self.attr(obj, name)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => match v.downcast_ref::<StrObject>() {
                Some(s) => Ok(Some(s.to_string_lossy())),
                None => Err(self.vm.type_error("AST string must be of type str")),
            },
        }
    }

    fn int_field(&mut self, obj: &Value, name: &str, owner: &str) -> R<i64> {
        let v = self.required(obj, name, owner)?;
        self.int(&v)
    }

    fn loc(&mut self, obj: &Value, sort: &str) -> R<Loc> {
        let lineno = self.int_field(obj, "lineno", sort)?;
        let col = self.int_field(obj, "col_offset", sort)?;
        let end_lineno = match self.attr(obj, "end_lineno")? {
            Some(v) if !v.is_none() => self.int(&v)?,
            _ => lineno,
        };
        let end_col = match self.attr(obj, "end_col_offset")? {
            Some(v) if !v.is_none() => self.int(&v)?,
            _ => col,
        };
        let u = |n: i64| n.max(0) as u32;
        Ok(Loc::new(u(lineno), u(col), u(end_lineno), u(end_col)))
    }

    pub(super) fn module(&mut self, obj: &Value, mode: pyrite_syntax::Mode) -> R<Mod> {
        let want = match mode {
            pyrite_syntax::Mode::Eval => "Expression",
            pyrite_syntax::Mode::Single => "Interactive",
            _ => "Module",
        };
        let name = self.node_name(obj);
        if name.as_deref() != Some(want) {
            let tn = type_of(obj).name_string();
            return Err(self.vm.type_error(format!("expected {want} node, got {tn}")));
        }
        match want {
            "Expression" => {
                let body = self.req_expr(obj, "body", "Expression", ExprContext::Load)?;
                Ok(Mod::Expression { body: Box::new(body) })
            }
            "Interactive" => {
                let body = self.stmts(obj, "body", "Interactive")?;
                Ok(Mod::Interactive { body })
            }
            _ => {
                let body = self.stmts(obj, "body", "Module")?;
                let ignores = self.list(obj, "type_ignores", "Module")?;
                let mut type_ignores = Vec::with_capacity(ignores.len());
                for t in &ignores {
                    let lineno = self.int_field(t, "lineno", "TypeIgnore")?;
                    let tag = self.opt_string(t, "tag")?.unwrap_or_default();
                    type_ignores.push(TypeIgnore { lineno: lineno.max(0) as u32, tag });
                }
                Ok(Mod::Module { body, type_ignores })
            }
        }
    }

    fn stmts(&mut self, obj: &Value, name: &str, owner: &str) -> R<Vec<Stmt>> {
        let items = self.list(obj, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(self.stmt(item)?);
        }
        Ok(out)
    }

    fn exprs(&mut self, obj: &Value, name: &str, owner: &str, ctx: ExprContext) -> R<Vec<Expr>> {
        let items = self.list(obj, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(self.expr(item, ctx)?);
        }
        Ok(out)
    }

    /// A required expression field (None is "field 'x' is required for Owner").
    fn req_expr(&mut self, obj: &Value, name: &str, owner: &str, ctx: ExprContext) -> R<Expr> {
        let v = self.required(obj, name, owner)?;
        if v.is_none() {
            return Err(self.vm.value_error(format!("field '{name}' is required for {owner}")));
        }
        self.expr(&v, ctx)
    }

    fn opt_expr(&mut self, obj: &Value, name: &str) -> R<Option<Box<Expr>>> {
        match self.attr(obj, name)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => Ok(Some(Box::new(self.expr(&v, ExprContext::Load)?))),
        }
    }

    fn stmt(&mut self, obj: &Value) -> R<Stmt> {
        self.vm.enter_recursion(" while traversing 'stmt' node")?;
        let r = self.stmt_inner(obj);
        self.vm.leave_recursion();
        r
    }

    fn stmt_inner(&mut self, obj: &Value) -> R<Stmt> {
        let loc = self.loc(obj, "stmt")?;
        let Some(name) = self.node_name(obj) else {
            return Err(self.wrong_sort("stmt", obj));
        };
        let n = name.as_str();
        let load = ExprContext::Load;
        let kind = match n {
            "FunctionDef" | "AsyncFunctionDef" => {
                let def = FunctionDef {
                    name: self.ident(obj, "name", n)?,
                    args: Box::new(self.arguments(obj, n)?),
                    body: self.stmts(obj, "body", n)?,
                    decorator_list: self.exprs(obj, "decorator_list", n, load)?,
                    returns: self.opt_expr(obj, "returns")?,
                    type_comment: self.opt_string(obj, "type_comment")?,
                };
                self.nonempty(&def.body, "body", n)?;
                if n == "FunctionDef" {
                    StmtKind::FunctionDef(def)
                } else {
                    StmtKind::AsyncFunctionDef(def)
                }
            }
            "ClassDef" => {
                let def = ClassDef {
                    name: self.ident(obj, "name", n)?,
                    bases: self.exprs(obj, "bases", n, load)?,
                    keywords: self.keywords(obj, n)?,
                    body: self.stmts(obj, "body", n)?,
                    decorator_list: self.exprs(obj, "decorator_list", n, load)?,
                };
                self.nonempty(&def.body, "body", n)?;
                StmtKind::ClassDef(def)
            }
            "Return" => StmtKind::Return { value: self.opt_expr(obj, "value")? },
            "Delete" => {
                let targets = self.exprs(obj, "targets", n, ExprContext::Del)?;
                self.nonempty(&targets, "targets", n)?;
                StmtKind::Delete { targets }
            }
            "Assign" => {
                let targets = self.exprs(obj, "targets", n, ExprContext::Store)?;
                self.nonempty(&targets, "targets", n)?;
                let value = Box::new(self.req_expr(obj, "value", n, load)?);
                StmtKind::Assign { targets, value, type_comment: self.opt_string(obj, "type_comment")? }
            }
            "AugAssign" => StmtKind::AugAssign {
                target: Box::new(self.req_expr(obj, "target", n, ExprContext::Store)?),
                op: self.operator(obj)?,
                value: Box::new(self.req_expr(obj, "value", n, load)?),
            },
            "AnnAssign" => {
                let target = Box::new(self.req_expr(obj, "target", n, ExprContext::Store)?);
                let annotation = Box::new(self.req_expr(obj, "annotation", n, load)?);
                let value = self.opt_expr(obj, "value")?;
                let simple = self.int_field(obj, "simple", n)? != 0;
                if simple && !matches!(target.kind, ExprKind::Name { .. }) {
                    return Err(self.vm.type_error("AnnAssign with simple non-Name target"));
                }
                StmtKind::AnnAssign { target, annotation, value, simple }
            }
            "For" | "AsyncFor" => {
                let f = For {
                    target: Box::new(self.req_expr(obj, "target", n, ExprContext::Store)?),
                    iter: Box::new(self.req_expr(obj, "iter", n, load)?),
                    body: self.stmts(obj, "body", n)?,
                    orelse: self.stmts(obj, "orelse", n)?,
                    type_comment: self.opt_string(obj, "type_comment")?,
                };
                self.nonempty(&f.body, "body", n)?;
                if n == "For" {
                    StmtKind::For(f)
                } else {
                    StmtKind::AsyncFor(f)
                }
            }
            "While" | "If" => {
                let test = Box::new(self.req_expr(obj, "test", n, load)?);
                let body = self.stmts(obj, "body", n)?;
                let orelse = self.stmts(obj, "orelse", n)?;
                self.nonempty(&body, "body", n)?;
                if n == "While" {
                    StmtKind::While { test, body, orelse }
                } else {
                    StmtKind::If { test, body, orelse }
                }
            }
            "With" | "AsyncWith" => {
                let raw = self.list(obj, "items", n)?;
                let mut items = Vec::with_capacity(raw.len());
                for it in &raw {
                    if self.node_name(it).as_deref() != Some("withitem") {
                        return Err(self.wrong_sort("withitem", it));
                    }
                    let context_expr = self.req_expr(it, "context_expr", "withitem", load)?;
                    let optional_vars = match self.attr(it, "optional_vars")? {
                        Some(v) if !v.is_none() => Some(Box::new(self.expr(&v, ExprContext::Store)?)),
                        _ => None,
                    };
                    items.push(WithItem { context_expr, optional_vars });
                }
                self.nonempty(&items, "items", n)?;
                let w = With { items, body: self.stmts(obj, "body", n)?, type_comment: self.opt_string(obj, "type_comment")? };
                self.nonempty(&w.body, "body", n)?;
                if n == "With" {
                    StmtKind::With(w)
                } else {
                    StmtKind::AsyncWith(w)
                }
            }
            "Match" => {
                let subject = Box::new(self.req_expr(obj, "subject", n, load)?);
                let raw = self.list(obj, "cases", n)?;
                let mut cases = Vec::with_capacity(raw.len());
                for c in &raw {
                    if self.node_name(c).as_deref() != Some("match_case") {
                        return Err(self.wrong_sort("match_case", c));
                    }
                    let pv = self.required(c, "pattern", "match_case")?;
                    let pattern = self.pattern(&pv)?;
                    let guard = self.opt_expr(c, "guard")?;
                    let body = self.stmts(c, "body", "match_case")?;
                    self.nonempty(&body, "body", "match_case")?;
                    cases.push(MatchCase { pattern, guard, body });
                }
                self.nonempty(&cases, "cases", n)?;
                StmtKind::Match { subject, cases }
            }
            "Raise" => StmtKind::Raise { exc: self.opt_expr(obj, "exc")?, cause: self.opt_expr(obj, "cause")? },
            "Try" | "TryStar" => {
                let body = self.stmts(obj, "body", n)?;
                let raw = self.list(obj, "handlers", n)?;
                let mut handlers = Vec::with_capacity(raw.len());
                for h in &raw {
                    if self.node_name(h).as_deref() != Some("ExceptHandler") {
                        return Err(self.wrong_sort("excepthandler", h));
                    }
                    let loc = self.loc(h, "excepthandler")?;
                    let type_ = self.opt_expr(h, "type")?;
                    let name = self.opt_ident(h, "name")?;
                    let hbody = self.stmts(h, "body", "ExceptHandler")?;
                    self.nonempty(&hbody, "body", "ExceptHandler")?;
                    handlers.push(ExceptHandler { loc, type_, name, body: hbody });
                }
                let t = Try { body, handlers, orelse: self.stmts(obj, "orelse", n)?, finalbody: self.stmts(obj, "finalbody", n)? };
                self.nonempty(&t.body, "body", n)?;
                if t.handlers.is_empty() && t.finalbody.is_empty() {
                    return Err(self.vm.value_error(format!("{n} has neither except handlers nor finalbody")));
                }
                if t.handlers.is_empty() && !t.orelse.is_empty() {
                    return Err(self.vm.value_error(format!("{n} has orelse but no except handlers")));
                }
                if n == "Try" {
                    StmtKind::Try(t)
                } else {
                    StmtKind::TryStar(t)
                }
            }
            "Assert" => StmtKind::Assert { test: Box::new(self.req_expr(obj, "test", n, load)?), msg: self.opt_expr(obj, "msg")? },
            "Import" | "ImportFrom" => {
                let raw = self.list(obj, "names", n)?;
                let mut names = Vec::with_capacity(raw.len());
                for a in &raw {
                    if self.node_name(a).as_deref() != Some("alias") {
                        return Err(self.wrong_sort("alias", a));
                    }
                    let aloc = self.loc(a, "alias")?;
                    names.push(Alias { loc: aloc, name: self.ident(a, "name", "alias")?, asname: self.opt_ident(a, "asname")? });
                }
                self.nonempty(&names, "names", n)?;
                if n == "Import" {
                    StmtKind::Import { names }
                } else {
                    let module = self.opt_ident(obj, "module")?;
                    let level = match self.attr(obj, "level")? {
                        Some(v) if !v.is_none() => self.int(&v)?,
                        _ => 0,
                    };
                    if level < 0 {
                        return Err(self.vm.value_error("Negative ImportFrom level"));
                    }
                    StmtKind::ImportFrom { module, names, level: level as u32 }
                }
            }
            "Global" | "Nonlocal" => {
                let raw = self.list(obj, "names", n)?;
                let mut names = Vec::with_capacity(raw.len());
                for v in &raw {
                    names.push(self.ident_value(v)?);
                }
                self.nonempty(&names, "names", n)?;
                if n == "Global" {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            "Expr" => StmtKind::Expr { value: Box::new(self.req_expr(obj, "value", n, load)?) },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => return Err(self.wrong_sort("stmt", obj)),
        };
        Ok(Stmt::new(loc, kind))
    }

    /// `_PyAST_Validate`'s "empty X on Y".
    fn nonempty<T>(&mut self, items: &[T], what: &str, owner: &str) -> R<()> {
        if items.is_empty() {
            return Err(self.vm.value_error(format!("empty {what} on {owner}")));
        }
        Ok(())
    }

    fn keywords(&mut self, obj: &Value, owner: &str) -> R<Vec<Keyword>> {
        let raw = self.list(obj, "keywords", owner)?;
        let mut out = Vec::with_capacity(raw.len());
        for k in &raw {
            if self.node_name(k).as_deref() != Some("keyword") {
                return Err(self.wrong_sort("keyword", k));
            }
            let loc = self.loc(k, "keyword")?;
            let arg = self.opt_ident(k, "arg")?;
            let value = self.req_expr(k, "value", "keyword", ExprContext::Load)?;
            out.push(Keyword { loc, arg, value });
        }
        Ok(out)
    }

    fn arg(&mut self, a: &Value) -> R<Arg> {
        if self.node_name(a).as_deref() != Some("arg") {
            return Err(self.wrong_sort("arg", a));
        }
        let loc = self.loc(a, "arg")?;
        Ok(Arg {
            loc,
            arg: self.ident(a, "arg", "arg")?,
            annotation: self.opt_expr(a, "annotation")?,
            type_comment: self.opt_string(a, "type_comment")?,
        })
    }

    fn args_list(&mut self, obj: &Value, name: &str) -> R<Vec<Arg>> {
        let raw = self.list(obj, name, "arguments")?;
        let mut out = Vec::with_capacity(raw.len());
        for a in &raw {
            out.push(self.arg(a)?);
        }
        Ok(out)
    }

    fn opt_arg(&mut self, obj: &Value, name: &str) -> R<Option<Box<Arg>>> {
        match self.attr(obj, name)? {
            Some(v) if !v.is_none() => Ok(Some(Box::new(self.arg(&v)?))),
            _ => Ok(None),
        }
    }

    fn arguments(&mut self, owner_obj: &Value, owner: &str) -> R<Arguments> {
        let obj = self.required(owner_obj, "args", owner)?;
        if self.node_name(&obj).as_deref() != Some("arguments") {
            return Err(self.wrong_sort("arguments", &obj));
        }
        let posonlyargs = self.args_list(&obj, "posonlyargs")?;
        let args = self.args_list(&obj, "args")?;
        let vararg = self.opt_arg(&obj, "vararg")?;
        let kwonlyargs = self.args_list(&obj, "kwonlyargs")?;
        let raw = self.list(&obj, "kw_defaults", "arguments")?;
        let mut kw_defaults = Vec::with_capacity(raw.len());
        for d in &raw {
            kw_defaults.push(if d.is_none() { None } else { Some(self.expr(d, ExprContext::Load)?) });
        }
        let kwarg = self.opt_arg(&obj, "kwarg")?;
        let defaults = self.exprs(&obj, "defaults", "arguments", ExprContext::Load)?;
        if defaults.len() > posonlyargs.len() + args.len() {
            return Err(self.vm.value_error("more positional defaults than args on arguments"));
        }
        if kw_defaults.len() != kwonlyargs.len() {
            return Err(self.vm.value_error("length of kwonlyargs is not the same as kw_defaults on arguments"));
        }
        Ok(Arguments { posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults })
    }

    /// One of the singleton operator classes (`Add()`, `Load()`, ...), by class.
    fn singleton_name(&mut self, v: &Value, sort: &str) -> R<String> {
        match self.node_name(v) {
            Some(name) => Ok(name),
            None => Err(self.wrong_sort(sort, v)),
        }
    }

    fn operator(&mut self, obj: &Value) -> R<Operator> {
        let v = self.required(obj, "op", "operator")?;
        let name = self.singleton_name(&v, "operator")?;
        Ok(match name.as_str() {
            "Add" => Operator::Add,
            "Sub" => Operator::Sub,
            "Mult" => Operator::Mult,
            "MatMult" => Operator::MatMult,
            "Div" => Operator::Div,
            "Mod" => Operator::Mod,
            "Pow" => Operator::Pow,
            "LShift" => Operator::LShift,
            "RShift" => Operator::RShift,
            "BitOr" => Operator::BitOr,
            "BitXor" => Operator::BitXor,
            "BitAnd" => Operator::BitAnd,
            "FloorDiv" => Operator::FloorDiv,
            _ => return Err(self.wrong_sort("operator", &v)),
        })
    }

    fn expr_context(&mut self, obj: &Value, owner: &str) -> R<ExprContext> {
        let v = self.required(obj, "ctx", owner)?;
        let name = self.singleton_name(&v, "expr_context")?;
        Ok(match name.as_str() {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            _ => return Err(self.wrong_sort("expr_context", &v)),
        })
    }

    fn check_ctx(&mut self, actual: ExprContext, want: ExprContext) -> R<()> {
        if actual != want {
            return Err(self.vm.value_error(format!(
                "expression must have {} context but has {} instead",
                ctx_name(want),
                ctx_name(actual)
            )));
        }
        Ok(())
    }

    fn expr(&mut self, obj: &Value, want: ExprContext) -> R<Expr> {
        self.vm.enter_recursion(" while traversing 'expr' node")?;
        let r = self.expr_inner(obj, want);
        self.vm.leave_recursion();
        r
    }

    fn comprehensions(&mut self, obj: &Value, owner: &str) -> R<Vec<Comprehension>> {
        let raw = self.list(obj, "generators", owner)?;
        let mut out = Vec::with_capacity(raw.len());
        for c in &raw {
            if self.node_name(c).as_deref() != Some("comprehension") {
                return Err(self.wrong_sort("comprehension", c));
            }
            let target = self.req_expr(c, "target", "comprehension", ExprContext::Store)?;
            let iter = self.req_expr(c, "iter", "comprehension", ExprContext::Load)?;
            let ifs = self.exprs(c, "ifs", "comprehension", ExprContext::Load)?;
            let is_async = self.int_field(c, "is_async", "comprehension")? != 0;
            out.push(Comprehension { target, iter, ifs, is_async });
        }
        self.nonempty(&out, "generators", owner)?;
        Ok(out)
    }

    fn expr_inner(&mut self, obj: &Value, want: ExprContext) -> R<Expr> {
        let loc = self.loc(obj, "expr")?;
        let Some(name) = self.node_name(obj) else {
            return Err(self.wrong_sort("expr", obj));
        };
        let n = name.as_str();
        let load = ExprContext::Load;
        let has_ctx = matches!(n, "Attribute" | "Subscript" | "Starred" | "Name" | "List" | "Tuple");
        if !has_ctx && want != ExprContext::Load {
            return Err(self.vm.value_error(format!("expression which can't be assigned to in {} context", ctx_name(want))));
        }
        let b = Box::new;
        let kind = match n {
            "BoolOp" => {
                let v = self.required(obj, "op", n)?;
                let op = match self.singleton_name(&v, "boolop")?.as_str() {
                    "And" => BoolOp::And,
                    "Or" => BoolOp::Or,
                    _ => return Err(self.wrong_sort("boolop", &v)),
                };
                let values = self.exprs(obj, "values", n, load)?;
                if values.len() < 2 {
                    return Err(self.vm.value_error("BoolOp with less than 2 values"));
                }
                ExprKind::BoolOp { op, values }
            }
            "NamedExpr" => ExprKind::NamedExpr {
                target: b(self.req_expr(obj, "target", n, ExprContext::Store)?),
                value: b(self.req_expr(obj, "value", n, load)?),
            },
            "BinOp" => ExprKind::BinOp {
                left: b(self.req_expr(obj, "left", n, load)?),
                op: self.operator(obj)?,
                right: b(self.req_expr(obj, "right", n, load)?),
            },
            "UnaryOp" => {
                let v = self.required(obj, "op", n)?;
                let op = match self.singleton_name(&v, "unaryop")?.as_str() {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    "USub" => UnaryOp::USub,
                    _ => return Err(self.wrong_sort("unaryop", &v)),
                };
                ExprKind::UnaryOp { op, operand: b(self.req_expr(obj, "operand", n, load)?) }
            }
            "Lambda" => ExprKind::Lambda { args: Box::new(self.arguments(obj, n)?), body: b(self.req_expr(obj, "body", n, load)?) },
            "IfExp" => ExprKind::IfExp {
                test: b(self.req_expr(obj, "test", n, load)?),
                body: b(self.req_expr(obj, "body", n, load)?),
                orelse: b(self.req_expr(obj, "orelse", n, load)?),
            },
            "Dict" => {
                let raw = self.list(obj, "keys", n)?;
                let mut keys = Vec::with_capacity(raw.len());
                for k in &raw {
                    keys.push(if k.is_none() { None } else { Some(self.expr(k, load)?) });
                }
                let values = self.exprs(obj, "values", n, load)?;
                if keys.len() != values.len() {
                    return Err(self.vm.value_error("Dict doesn't have the same number of keys as values"));
                }
                ExprKind::Dict { keys, values }
            }
            "Set" => ExprKind::Set { elts: self.exprs(obj, "elts", n, load)? },
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = b(self.req_expr(obj, "elt", n, load)?);
                let generators = self.comprehensions(obj, n)?;
                match n {
                    "ListComp" => ExprKind::ListComp { elt, generators },
                    "SetComp" => ExprKind::SetComp { elt, generators },
                    _ => ExprKind::GeneratorExp { elt, generators },
                }
            }
            "DictComp" => ExprKind::DictComp {
                key: b(self.req_expr(obj, "key", n, load)?),
                value: b(self.req_expr(obj, "value", n, load)?),
                generators: self.comprehensions(obj, n)?,
            },
            "Await" => ExprKind::Await { value: b(self.req_expr(obj, "value", n, load)?) },
            "Yield" => ExprKind::Yield { value: self.opt_expr(obj, "value")? },
            "YieldFrom" => ExprKind::YieldFrom { value: b(self.req_expr(obj, "value", n, load)?) },
            "Compare" => {
                let left = b(self.req_expr(obj, "left", n, load)?);
                let raw = self.list(obj, "ops", n)?;
                let mut ops = Vec::with_capacity(raw.len());
                for v in &raw {
                    ops.push(match self.singleton_name(v, "cmpop")?.as_str() {
                        "Eq" => CmpOp::Eq,
                        "NotEq" => CmpOp::NotEq,
                        "Lt" => CmpOp::Lt,
                        "LtE" => CmpOp::LtE,
                        "Gt" => CmpOp::Gt,
                        "GtE" => CmpOp::GtE,
                        "Is" => CmpOp::Is,
                        "IsNot" => CmpOp::IsNot,
                        "In" => CmpOp::In,
                        "NotIn" => CmpOp::NotIn,
                        _ => return Err(self.wrong_sort("cmpop", v)),
                    });
                }
                let comparators = self.exprs(obj, "comparators", n, load)?;
                if ops.is_empty() {
                    return Err(self.vm.value_error("Compare with no comparators"));
                }
                if ops.len() != comparators.len() {
                    return Err(self.vm.value_error("Compare has a different number of comparators and operands"));
                }
                ExprKind::Compare { left, ops, comparators }
            }
            "Call" => ExprKind::Call {
                func: b(self.req_expr(obj, "func", n, load)?),
                args: self.exprs(obj, "args", n, load)?,
                keywords: self.keywords(obj, n)?,
            },
            "FormattedValue" => {
                let value = b(self.req_expr(obj, "value", n, load)?);
                let conversion = self.int_field(obj, "conversion", n)? as i32;
                ExprKind::FormattedValue { value, conversion, format_spec: self.opt_expr(obj, "format_spec")? }
            }
            "JoinedStr" => ExprKind::JoinedStr { values: self.exprs(obj, "values", n, load)? },
            "Constant" => {
                let v = self.required(obj, "value", n)?;
                let value = self.constant(&v)?;
                ExprKind::Constant { value, kind: self.opt_string(obj, "kind")? }
            }
            "Attribute" => {
                let value = b(self.req_expr(obj, "value", n, load)?);
                let attr = self.ident(obj, "attr", n)?;
                let ctx = self.expr_context(obj, n)?;
                self.check_ctx(ctx, want)?;
                ExprKind::Attribute { value, attr, ctx }
            }
            "Subscript" => {
                let value = b(self.req_expr(obj, "value", n, load)?);
                let slice = b(self.req_expr(obj, "slice", n, load)?);
                let ctx = self.expr_context(obj, n)?;
                self.check_ctx(ctx, want)?;
                ExprKind::Subscript { value, slice, ctx }
            }
            "Starred" => {
                let ctx = self.expr_context(obj, n)?;
                self.check_ctx(ctx, want)?;
                ExprKind::Starred { value: b(self.req_expr(obj, "value", n, ctx)?), ctx }
            }
            "Name" => {
                let id = self.ident(obj, "id", n)?;
                let ctx = self.expr_context(obj, n)?;
                self.check_ctx(ctx, want)?;
                if ctx != load && matches!(id.as_str(), "None" | "True" | "False") {
                    return Err(self.vm.value_error(format!("identifier field can't represent '{id}' constant")));
                }
                ExprKind::Name { id, ctx }
            }
            "List" | "Tuple" => {
                let ctx = self.expr_context(obj, n)?;
                self.check_ctx(ctx, want)?;
                let elts = self.exprs(obj, "elts", n, ctx)?;
                if n == "List" {
                    ExprKind::List { elts, ctx }
                } else {
                    ExprKind::Tuple { elts, ctx }
                }
            }
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr(obj, "lower")?,
                upper: self.opt_expr(obj, "upper")?,
                step: self.opt_expr(obj, "step")?,
            },
            _ => return Err(self.wrong_sort("expr", obj)),
        };
        Ok(Expr::new(loc, kind))
    }

    /// A `Constant`'s value: the types `validate_constant` accepts (exactly).
    fn constant(&mut self, v: &Value) -> R<Constant> {
        use crate::typeobj::*;
        if v.is_none() {
            return Ok(Constant::None);
        }
        if v.is_true_obj() || v.is_false_obj() {
            return Ok(Constant::Bool(v.is_true_obj()));
        }
        if is_exact(v, &ELLIPSIS_TYPE) {
            return Ok(Constant::Ellipsis);
        }
        if is_exact(v, &INT_TYPE) {
            return Ok(match crate::objects::int::as_int(v) {
                Some(crate::objects::int::IntView::Small(n)) => Constant::Int(n),
                Some(crate::objects::int::IntView::Big(b)) => match b.to_i64() {
                    Some(n) => Constant::Int(n),
                    None => Constant::BigInt(Box::new(b.clone())),
                },
                None => Constant::Int(0),
            });
        }
        if is_exact(v, &FLOAT_TYPE) {
            return Ok(Constant::Float(crate::objects::float::as_float(v).unwrap_or(0.0)));
        }
        if let Some(c) = v.downcast_ref::<crate::objects::complex::ComplexObject>().filter(|_| is_exact(v, &COMPLEX_TYPE)) {
            return Ok(Constant::Complex { real: c.re, imag: c.im });
        }
        if let Some(s) = v.downcast_ref::<StrObject>().filter(|_| is_exact(v, &STR_TYPE)) {
            let mut out = PyStr::new();
            for cp in s.code_points() {
                out.push_code_point(cp);
            }
            return Ok(Constant::Str(out));
        }
        if let Some(bytes) = v.downcast_ref::<crate::objects::bytes::BytesObject>().filter(|_| is_exact(v, &BYTES_TYPE)) {
            return Ok(Constant::Bytes(bytes.data().to_vec()));
        }
        let is_tuple = is_exact(v, &TUPLE_TYPE);
        if is_tuple || is_exact(v, &FROZENSET_TYPE) {
            self.vm.enter_recursion(" while traversing 'Constant' node")?;
            let items = self.vm.collect(v);
            let r = items.and_then(|items| items.iter().map(|i| self.constant(i)).collect::<R<Vec<_>>>());
            self.vm.leave_recursion();
            let items = r?;
            return Ok(if is_tuple { Constant::Tuple(items) } else { Constant::FrozenSet(items) });
        }
        let tn = type_of(v).name_string();
        Err(self.vm.type_error(format!("got an invalid type in Constant: {tn}")))
    }

    fn pattern(&mut self, obj: &Value) -> R<Pattern> {
        self.vm.enter_recursion(" while traversing 'pattern' node")?;
        let r = self.pattern_inner(obj);
        self.vm.leave_recursion();
        r
    }

    fn patterns(&mut self, obj: &Value, name: &str, owner: &str) -> R<Vec<Pattern>> {
        let raw = self.list(obj, name, owner)?;
        let mut out = Vec::with_capacity(raw.len());
        for p in &raw {
            out.push(self.pattern(p)?);
        }
        Ok(out)
    }

    fn pattern_inner(&mut self, obj: &Value) -> R<Pattern> {
        let loc = self.loc(obj, "pattern")?;
        let Some(name) = self.node_name(obj) else {
            return Err(self.wrong_sort("pattern", obj));
        };
        let n = name.as_str();
        let load = ExprContext::Load;
        let kind = match n {
            "MatchValue" => PatternKind::MatchValue { value: Box::new(self.req_expr(obj, "value", n, load)?) },
            "MatchSingleton" => {
                let v = self.required(obj, "value", n)?;
                let value = self.constant(&v)?;
                if !matches!(value, Constant::None | Constant::Bool(_)) {
                    return Err(self.vm.value_error("MatchSingleton can only contain True, False and None"));
                }
                PatternKind::MatchSingleton { value }
            }
            "MatchSequence" => PatternKind::MatchSequence { patterns: self.patterns(obj, "patterns", n)? },
            "MatchMapping" => {
                let keys = self.exprs(obj, "keys", n, load)?;
                let patterns = self.patterns(obj, "patterns", n)?;
                if keys.len() != patterns.len() {
                    return Err(self.vm.value_error("MatchMapping doesn't have the same number of keys as patterns"));
                }
                PatternKind::MatchMapping { keys, patterns, rest: self.opt_ident(obj, "rest")? }
            }
            "MatchClass" => {
                let cls = Box::new(self.req_expr(obj, "cls", n, load)?);
                let patterns = self.patterns(obj, "patterns", n)?;
                let raw = self.list(obj, "kwd_attrs", n)?;
                let mut kwd_attrs = Vec::with_capacity(raw.len());
                for a in &raw {
                    kwd_attrs.push(self.ident_value(a)?);
                }
                let kwd_patterns = self.patterns(obj, "kwd_patterns", n)?;
                if kwd_attrs.len() != kwd_patterns.len() {
                    return Err(self.vm.value_error("MatchClass doesn't have the same number of keyword attributes as patterns"));
                }
                PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns }
            }
            "MatchStar" => PatternKind::MatchStar { name: self.opt_ident(obj, "name")? },
            "MatchAs" => {
                let pattern = match self.attr(obj, "pattern")? {
                    Some(p) if !p.is_none() => Some(Box::new(self.pattern(&p)?)),
                    _ => None,
                };
                let name = self.opt_ident(obj, "name")?;
                if pattern.is_some() && name.is_none() {
                    return Err(self.vm.value_error("MatchAs must specify a target name if a pattern is given"));
                }
                PatternKind::MatchAs { pattern, name }
            }
            "MatchOr" => {
                let patterns = self.patterns(obj, "patterns", n)?;
                if patterns.len() < 2 {
                    return Err(self.vm.value_error("MatchOr requires at least 2 patterns"));
                }
                PatternKind::MatchOr { patterns }
            }
            _ => return Err(self.wrong_sort("pattern", obj)),
        };
        Ok(Pattern { loc, kind })
    }
}
