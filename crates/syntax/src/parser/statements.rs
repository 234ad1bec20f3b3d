//! Start rules and statements: `file` .. `case_block`, and `type_expressions`.

use super::helpers::*;
use super::{alt, attempt, invalid_alt, memo_rule, rule, tok_loc, MemoRule, Parser};
use crate::ast::*;
use crate::token::{Keyword as Kw, TokenKind as T};

impl<'a> Parser<'a> {
    // ----- start rules -----

    pub(crate) fn file_rule(&mut self) -> Option<Mod> {
        rule!(self, |p| {
            let a = p.statements();
            if p.failed() {
                return None;
            }
            p.eat(T::EndMarker)?;
            Some(Mod::Module { body: a.unwrap_or_default(), type_ignores: vec![] })
        })
    }

    pub(crate) fn interactive_rule(&mut self) -> Option<Mod> {
        rule!(self, |p| {
            let a = p.statement_newline()?;
            Some(Mod::Interactive { body: a })
        })
    }

    pub(crate) fn eval_rule(&mut self) -> Option<Mod> {
        rule!(self, |p| {
            let a = p.expressions()?;
            while p.eat(T::Newline).is_some() {}
            p.eat(T::EndMarker)?;
            Some(Mod::Expression { body: Box::new(a) })
        })
    }

    pub(crate) fn func_type_rule(&mut self) -> Option<Mod> {
        rule!(self, |p| {
            p.eat(T::Lpar)?;
            let a = p.type_expressions();
            if p.failed() {
                return None;
            }
            p.eat(T::Rpar)?;
            p.eat(T::Rarrow)?;
            let b = p.expression()?;
            while p.eat(T::Newline).is_some() {}
            p.eat(T::EndMarker)?;
            Some(Mod::FunctionType { argtypes: a.unwrap_or_default(), returns: Box::new(b) })
        })
    }

    pub(crate) fn fstring_rule(&mut self) -> Option<Expr> {
        rule!(self, |p| { p.star_expressions() })
    }

    // ----- statements -----

    fn statements(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            let mut body = Vec::new();
            if !p.enter() {
                return None;
            }
            loop {
                let mark = p.pos;
                match p.statement() {
                    Some(s) => body.extend(s),
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            p.leave();
            if body.is_empty() {
                // `statement+` needs one; a statement is never empty.
                return None;
            }
            Some(body)
        })
    }

    fn statement(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            alt!(p, { p.compound_stmt().map(|s| vec![s]) });
            p.simple_stmts()
        })
    }

    fn statement_newline(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let a = p.compound_stmt()?;
                p.eat(T::Newline)?;
                Some(vec![a])
            });
            alt!(p, { p.simple_stmts() });
            alt!(p, {
                p.eat(T::Newline)?;
                Some(vec![Stmt::new(p.loc_from(start), StmtKind::Pass)])
            });
            // ENDMARKER: pegen's `_PyPegen_interactive_exit` gives no statement.
            None
        })
    }

    fn simple_stmts(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            let a = p.simple_stmt()?;
            let after = p.pos;
            if !p.at(T::Semi) && p.eat(T::Newline).is_some() {
                return Some(vec![a]);
            }
            if p.failed() {
                return None;
            }
            p.pos = after;
            let mut v = vec![a];
            loop {
                let mark = p.pos;
                if p.eat(T::Semi).is_none() {
                    break;
                }
                match p.simple_stmt() {
                    Some(s) => v.push(s),
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            if p.failed() {
                return None;
            }
            p.eat(T::Semi);
            p.eat(T::Newline)?;
            Some(v)
        })
    }

    fn simple_stmt(&mut self) -> Option<Stmt> {
        memo_rule!(self, MemoRule::SimpleStmt, |p| {
            let start = p.pos;
            alt!(p, { p.assignment() });
            alt!(p, {
                let e = p.star_expressions()?;
                Some(Stmt::new(p.loc_from(start), StmtKind::Expr { value: Box::new(e) }))
            });
            let t = p.peek()?;
            match t.kind {
                T::Keyword(Kw::Return) => p.return_stmt(),
                T::Keyword(Kw::Import) | T::Keyword(Kw::From) => p.import_stmt(),
                T::Keyword(Kw::Raise) => p.raise_stmt(),
                T::Keyword(Kw::Pass) => {
                    p.pos += 1;
                    Some(Stmt::new(tok_loc(&t), StmtKind::Pass))
                }
                T::Keyword(Kw::Del) => p.del_stmt(),
                T::Keyword(Kw::Yield) => p.yield_stmt(),
                T::Keyword(Kw::Assert) => p.assert_stmt(),
                T::Keyword(Kw::Break) => {
                    p.pos += 1;
                    Some(Stmt::new(tok_loc(&t), StmtKind::Break))
                }
                T::Keyword(Kw::Continue) => {
                    p.pos += 1;
                    Some(Stmt::new(tok_loc(&t), StmtKind::Continue))
                }
                T::Keyword(Kw::Global) => p.global_stmt(),
                T::Keyword(Kw::Nonlocal) => p.nonlocal_stmt(),
                _ => None,
            }
        })
    }

    fn compound_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let k = p.peek_kind()?;
            if matches!(k, T::Keyword(Kw::Def) | T::At | T::Keyword(Kw::Async)) {
                alt!(p, { p.function_def() });
            }
            if k == T::Keyword(Kw::If) {
                alt!(p, { p.if_stmt() });
            }
            if matches!(k, T::Keyword(Kw::Class) | T::At) {
                alt!(p, { p.class_def() });
            }
            if matches!(k, T::Keyword(Kw::With) | T::Keyword(Kw::Async)) {
                alt!(p, { p.with_stmt() });
            }
            if matches!(k, T::Keyword(Kw::For) | T::Keyword(Kw::Async)) {
                alt!(p, { p.for_stmt() });
            }
            if k == T::Keyword(Kw::Try) {
                alt!(p, { p.try_stmt() });
            }
            if k == T::Keyword(Kw::While) {
                alt!(p, { p.while_stmt() });
            }
            p.match_stmt()
        })
    }

    fn assignment(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            // NAME ':' expression ['=' annotated_rhs]
            alt!(p, {
                let a = p.name()?;
                p.eat(T::Colon)?;
                let b = p.expression()?;
                let c = p.ann_value();
                if p.failed() {
                    return None;
                }
                let target = set_expr_context(a, ExprContext::Store);
                Some(Stmt::new(
                    p.loc_from(start),
                    StmtKind::AnnAssign { target: Box::new(target), annotation: Box::new(b), value: c.map(Box::new), simple: true },
                ))
            });
            // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
            alt!(p, {
                let a = p.nested(|p| {
                    let m = p.pos;
                    let paren = attempt!(p, {
                        p.eat(T::Lpar)?;
                        let b = p.single_target()?;
                        p.eat(T::Rpar)?;
                        Some(b)
                    });
                    if paren.is_some() || p.failed() {
                        return paren;
                    }
                    p.pos = m;
                    p.single_subscript_attribute_target()
                })?;
                p.eat(T::Colon)?;
                let b = p.expression()?;
                let c = p.ann_value();
                if p.failed() {
                    return None;
                }
                Some(Stmt::new(
                    p.loc_from(start),
                    StmtKind::AnnAssign { target: Box::new(a), annotation: Box::new(b), value: c.map(Box::new), simple: false },
                ))
            });
            // (star_targets '=')+ (yield_expr | star_expressions) !'='
            alt!(p, {
                let targets = p.repeat1(|p| {
                    p.nested(|p| {
                        let z = p.star_targets()?;
                        p.eat(T::Equal)?;
                        Some(z)
                    })
                })?;
                let b = p.yield_or_star_expressions()?;
                if p.at(T::Equal) {
                    return None;
                }
                Some(Stmt::new(p.loc_from(start), StmtKind::Assign { targets, value: Box::new(b), type_comment: None }))
            });
            // single_target augassign ~ (yield_expr | star_expressions)
            let mut cut = false;
            alt!(p, {
                let a = p.single_target()?;
                let op = p.augassign()?;
                cut = true;
                let c = p.yield_or_star_expressions()?;
                Some(Stmt::new(p.loc_from(start), StmtKind::AugAssign { target: Box::new(a), op, value: Box::new(c) }))
            });
            if cut {
                return None;
            }
            invalid_alt!(p, p.invalid_assignment());
            None
        })
    }

    /// `['=' d=annotated_rhs { d }]`
    fn ann_value(&mut self) -> Option<Expr> {
        // A group, then the `annotated_rhs` rule.
        self.nested(|p| {
            attempt!(p, {
                p.eat(T::Equal)?;
                p.nested(|p| p.yield_or_star_expressions_inner())
            })
        })
    }

    /// `yield_expr | star_expressions` (also `annotated_rhs`).
    pub(crate) fn yield_or_star_expressions(&mut self) -> Option<Expr> {
        self.nested(|p| p.yield_or_star_expressions_inner())
    }

    fn yield_or_star_expressions_inner(&mut self) -> Option<Expr> {
        let m = self.pos;
        if let Some(y) = self.yield_expr() {
            return Some(y);
        }
        if self.failed() {
            return None;
        }
        self.pos = m;
        self.star_expressions()
    }

    pub(crate) fn augassign(&mut self) -> Option<Operator> {
        let op = match self.peek_kind()? {
            T::PlusEqual => Operator::Add,
            T::MinEqual => Operator::Sub,
            T::StarEqual => Operator::Mult,
            T::AtEqual => Operator::MatMult,
            T::SlashEqual => Operator::Div,
            T::PercentEqual => Operator::Mod,
            T::AmperEqual => Operator::BitAnd,
            T::VbarEqual => Operator::BitOr,
            T::CircumflexEqual => Operator::BitXor,
            T::LeftShiftEqual => Operator::LShift,
            T::RightShiftEqual => Operator::RShift,
            T::DoubleStarEqual => Operator::Pow,
            T::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    fn return_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Return)?;
            let a = p.star_expressions();
            if p.failed() {
                return None;
            }
            Some(Stmt::new(p.loc_from(start), StmtKind::Return { value: a.map(Box::new) }))
        })
    }

    fn raise_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Raise)?;
            let after = p.pos;
            let with_exc = attempt!(p, {
                let a = p.expression()?;
                let b = p.nested(|p| {
                    attempt!(p, {
                        p.eat_kw(Kw::From)?;
                        p.expression()
                    })
                });
                if p.failed() {
                    return None;
                }
                Some((a, b))
            });
            if let Some((a, b)) = with_exc {
                return Some(Stmt::new(p.loc_from(start), StmtKind::Raise { exc: Some(Box::new(a)), cause: b.map(Box::new) }));
            }
            if p.failed() {
                return None;
            }
            p.pos = after;
            Some(Stmt::new(p.loc_from(start), StmtKind::Raise { exc: None, cause: None }))
        })
    }

    fn global_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Global)?;
            let names = p.gather(|p| p.name_ident().map(|(_, n)| n))?;
            Some(Stmt::new(p.loc_from(start), StmtKind::Global { names }))
        })
    }

    fn nonlocal_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Nonlocal)?;
            let names = p.gather(|p| p.name_ident().map(|(_, n)| n))?;
            Some(Stmt::new(p.loc_from(start), StmtKind::Nonlocal { names }))
        })
    }

    fn del_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat_kw(Kw::Del)?;
                let a = p.del_targets()?;
                if !matches!(p.peek_kind(), Some(T::Semi | T::Newline)) {
                    return None;
                }
                Some(Stmt::new(p.loc_from(start), StmtKind::Delete { targets: a }))
            });
            invalid_alt!(p, p.invalid_del_stmt());
            None
        })
    }

    fn yield_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            let y = p.yield_expr()?;
            Some(Stmt::new(p.loc_from(start), StmtKind::Expr { value: Box::new(y) }))
        })
    }

    fn assert_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Assert)?;
            let a = p.expression()?;
            let b = p.nested(|p| {
                attempt!(p, {
                    p.eat(T::Comma)?;
                    p.expression()
                })
            });
            if p.failed() {
                return None;
            }
            Some(Stmt::new(p.loc_from(start), StmtKind::Assert { test: Box::new(a), msg: b.map(Box::new) }))
        })
    }

    fn import_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            alt!(p, { p.import_name() });
            p.import_from()
        })
    }

    fn import_name(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Import)?;
            let names = p.gather(|p| p.dotted_as_name())?;
            Some(Stmt::new(p.loc_from(start), StmtKind::Import { names }))
        })
    }

    /// `('.' | '...')*`, counted as dots.
    fn import_dots(&mut self) -> u32 {
        let mut level = 0;
        loop {
            match self.peek_kind() {
                Some(T::Dot) => level += 1,
                Some(T::Ellipsis) => level += 3,
                _ => break,
            }
            self.pos += 1;
        }
        level
    }

    fn import_from(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::From)?;
            let dots_start = p.pos;
            let level = p.import_dots();
            let after_dots = p.pos;
            alt!(p, {
                let b = p.dotted_name()?;
                p.eat_kw(Kw::Import)?;
                let c = p.import_from_targets()?;
                Some(Stmt::new(p.loc_from(start), StmtKind::ImportFrom { module: Some(b), names: c, level }))
            });
            if after_dots == dots_start {
                return None;
            }
            p.pos = after_dots;
            p.eat_kw(Kw::Import)?;
            let b = p.import_from_targets()?;
            Some(Stmt::new(p.loc_from(start), StmtKind::ImportFrom { module: None, names: b, level }))
        })
    }

    fn import_from_targets(&mut self) -> Option<Vec<Alias>> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.import_from_as_names()?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                Some(a)
            });
            alt!(p, {
                let a = p.import_from_as_names()?;
                if p.at(T::Comma) {
                    return None;
                }
                Some(a)
            });
            alt!(p, {
                p.eat(T::Star)?;
                Some(vec![Alias { loc: p.loc_from(start), name: "*".to_string(), asname: None }])
            });
            invalid_alt!(p, p.invalid_import_from_targets());
            None
        })
    }

    pub(crate) fn import_from_as_names(&mut self) -> Option<Vec<Alias>> {
        rule!(self, |p| { p.gather(|p| p.import_from_as_name()) })
    }

    fn import_from_as_name(&mut self) -> Option<Alias> {
        rule!(self, |p| {
            let start = p.pos;
            let (_, name) = p.name_ident()?;
            let asname = attempt!(p, {
                p.eat_kw(Kw::As)?;
                p.name_ident().map(|(_, n)| n)
            });
            if p.failed() {
                return None;
            }
            Some(Alias { loc: p.loc_from(start), name, asname })
        })
    }

    fn dotted_as_name(&mut self) -> Option<Alias> {
        rule!(self, |p| {
            let start = p.pos;
            let name = p.dotted_name()?;
            let asname = attempt!(p, {
                p.eat_kw(Kw::As)?;
                p.name_ident().map(|(_, n)| n)
            });
            if p.failed() {
                return None;
            }
            Some(Alias { loc: p.loc_from(start), name, asname })
        })
    }

    /// `dotted_name`: left-recursive `dotted_name '.' NAME | NAME`, as a loop.
    fn dotted_name(&mut self) -> Option<String> {
        rule!(self, |p| {
            let (_, mut name) = p.name_ident()?;
            loop {
                let mark = p.pos;
                if p.eat(T::Dot).is_none() {
                    break;
                }
                match p.name_ident() {
                    Some((_, n)) => {
                        name.push('.');
                        name.push_str(&n);
                    }
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            Some(name)
        })
    }

    pub(crate) fn block(&mut self) -> Option<Vec<Stmt>> {
        memo_rule!(self, MemoRule::Block, |p| {
            alt!(p, {
                p.eat(T::Newline)?;
                p.eat(T::Indent)?;
                let a = p.statements()?;
                p.eat(T::Dedent)?;
                Some(a)
            });
            alt!(p, { p.simple_stmts() });
            invalid_alt!(p, p.invalid_block());
            None
        })
    }

    fn decorators(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            p.repeat1(|p| {
                p.nested(|p| {
                    p.eat(T::At)?;
                    let f = p.named_expression()?;
                    p.eat(T::Newline)?;
                    Some(f)
                })
            })
        })
    }

    fn class_def(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            alt!(p, {
                let a = p.decorators()?;
                let mut b = p.class_def_raw()?;
                if let StmtKind::ClassDef(c) = &mut b.kind {
                    c.decorator_list = a;
                }
                Some(b)
            });
            p.class_def_raw()
        })
    }

    fn class_def_raw(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_class_def_raw());
            let start = p.pos;
            p.eat_kw(Kw::Class)?;
            let (_, name) = p.name_ident()?;
            let b = p.nested(|p| {
                attempt!(p, {
                    p.eat(T::Lpar)?;
                    let z = p.arguments();
                    if p.failed() {
                        return None;
                    }
                    p.eat(T::Rpar)?;
                    Some(z)
                })
            });
            if p.failed() {
                return None;
            }
            p.eat(T::Colon)?;
            let c = p.block()?;
            let (bases, keywords) = match b.flatten() {
                Some(a) => (a.args, a.keywords),
                None => (vec![], vec![]),
            };
            Some(Stmt::new(p.loc_from(start), StmtKind::ClassDef(ClassDef { name, bases, keywords, body: c, decorator_list: vec![] })))
        })
    }

    fn function_def(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            alt!(p, {
                let d = p.decorators()?;
                let mut f = p.function_def_raw()?;
                match &mut f.kind {
                    StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => f.decorator_list = d,
                    _ => {}
                }
                Some(f)
            });
            p.function_def_raw()
        })
    }

    fn function_def_raw(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_def_raw());
            let start = p.pos;
            let is_async = p.eat_kw(Kw::Async).is_some();
            p.eat_kw(Kw::Def)?;
            let (_, name) = p.name_ident()?;
            p.eat_forced(T::Lpar, "(")?;
            let params = p.params();
            if p.failed() {
                return None;
            }
            p.eat(T::Rpar)?;
            let returns = p.nested(|p| {
                attempt!(p, {
                    p.eat(T::Rarrow)?;
                    p.expression()
                })
            });
            if p.failed() {
                return None;
            }
            p.eat_forced(T::Colon, ":")?;
            let b = p.block()?;
            let def = FunctionDef {
                name,
                args: Box::new(params.unwrap_or_default()),
                body: b,
                decorator_list: vec![],
                returns: returns.map(Box::new),
                type_comment: None,
            };
            let kind = if is_async { StmtKind::AsyncFunctionDef(def) } else { StmtKind::FunctionDef(def) };
            Some(Stmt::new(p.loc_from(start), kind))
        })
    }

    fn if_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_if_stmt());
            p.if_or_elif(Kw::If)
        })
    }

    fn elif_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_elif_stmt());
            p.if_or_elif(Kw::Elif)
        })
    }

    /// `kw named_expression ':' block (elif_stmt | [else_block])`
    fn if_or_elif(&mut self, kw: Kw) -> Option<Stmt> {
        let start = self.pos;
        self.eat_kw(kw)?;
        let a = self.named_expression()?;
        self.eat(T::Colon)?;
        let b = self.block()?;
        let after_block = self.pos;
        if let Some(c) = self.elif_stmt() {
            return Some(Stmt::new(self.loc_from(start), StmtKind::If { test: Box::new(a), body: b, orelse: vec![c] }));
        }
        if self.failed() {
            return None;
        }
        self.pos = after_block;
        let c = self.else_block();
        if self.failed() {
            return None;
        }
        Some(Stmt::new(self.loc_from(start), StmtKind::If { test: Box::new(a), body: b, orelse: c.unwrap_or_default() }))
    }

    fn else_block(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_else_stmt());
            p.eat_kw(Kw::Else)?;
            p.eat_forced(T::Colon, ":")?;
            p.block()
        })
    }

    fn while_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_while_stmt());
            let start = p.pos;
            p.eat_kw(Kw::While)?;
            let a = p.named_expression()?;
            p.eat(T::Colon)?;
            let b = p.block()?;
            let c = p.else_block();
            if p.failed() {
                return None;
            }
            Some(Stmt::new(p.loc_from(start), StmtKind::While { test: Box::new(a), body: b, orelse: c.unwrap_or_default() }))
        })
    }

    fn for_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_for_stmt());
            let start = p.pos;
            let mut cut = false;
            alt!(p, {
                let is_async = p.eat_kw(Kw::Async).is_some();
                p.eat_kw(Kw::For)?;
                let t = p.star_targets()?;
                p.eat_kw(Kw::In)?;
                cut = true;
                let ex = p.star_expressions()?;
                p.eat(T::Colon)?;
                let b = p.block()?;
                let el = p.else_block();
                if p.failed() {
                    return None;
                }
                let f = For { target: Box::new(t), iter: Box::new(ex), body: b, orelse: el.unwrap_or_default(), type_comment: None };
                Some(Stmt::new(p.loc_from(start), if is_async { StmtKind::AsyncFor(f) } else { StmtKind::For(f) }))
            });
            if cut {
                return None;
            }
            invalid_alt!(p, p.invalid_for_target());
            None
        })
    }

    fn with_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_with_stmt_indent());
            let start = p.pos;
            for is_async in [false, true] {
                if is_async && !p.at_kw(Kw::Async) {
                    continue;
                }
                alt!(p, {
                    if is_async {
                        p.pos += 1;
                    }
                    p.eat_kw(Kw::With)?;
                    p.eat(T::Lpar)?;
                    let a = p.gather(|p| p.with_item())?;
                    p.eat(T::Comma);
                    p.eat(T::Rpar)?;
                    p.eat(T::Colon)?;
                    let b = p.block()?;
                    let w = With { items: a, body: b, type_comment: None };
                    Some(Stmt::new(p.loc_from(start), if is_async { StmtKind::AsyncWith(w) } else { StmtKind::With(w) }))
                });
                alt!(p, {
                    if is_async {
                        p.pos += 1;
                    }
                    p.eat_kw(Kw::With)?;
                    let a = p.gather(|p| p.with_item())?;
                    p.eat(T::Colon)?;
                    let b = p.block()?;
                    let w = With { items: a, body: b, type_comment: None };
                    Some(Stmt::new(p.loc_from(start), if is_async { StmtKind::AsyncWith(w) } else { StmtKind::With(w) }))
                });
            }
            invalid_alt!(p, p.invalid_with_stmt());
            None
        })
    }

    fn with_item(&mut self) -> Option<WithItem> {
        rule!(self, |p| {
            let start = p.pos;
            let e = p.expression()?;
            let after = p.pos;
            let target = attempt!(p, {
                p.eat_kw(Kw::As)?;
                let t = p.star_target()?;
                if !matches!(p.peek_kind(), Some(T::Comma | T::Rpar | T::Colon)) {
                    return None;
                }
                Some(t)
            });
            if let Some(t) = target {
                return Some(WithItem { context_expr: e, optional_vars: Some(Box::new(t)) });
            }
            if p.failed() {
                return None;
            }
            p.pos = start;
            invalid_alt!(p, p.invalid_with_item());
            p.pos = after;
            Some(WithItem { context_expr: e, optional_vars: None })
        })
    }

    fn try_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_try_stmt());
            let start = p.pos;
            p.eat_kw(Kw::Try)?;
            p.eat_forced(T::Colon, ":")?;
            let b = p.block()?;
            let after_block = p.pos;
            if let Some(f) = p.finally_block() {
                return Some(Stmt::new(p.loc_from(start), StmtKind::Try(Try { body: b, handlers: vec![], orelse: vec![], finalbody: f })));
            }
            if p.failed() {
                return None;
            }
            p.pos = after_block;
            for star in [false, true] {
                let rest = attempt!(p, {
                    let ex = p.repeat1(|p| if star { p.except_star_block() } else { p.except_block() })?;
                    let el = p.else_block();
                    if p.failed() {
                        return None;
                    }
                    let f = p.finally_block();
                    if p.failed() {
                        return None;
                    }
                    Some((ex, el, f))
                });
                if let Some((ex, el, f)) = rest {
                    let t = Try { body: b, handlers: ex, orelse: el.unwrap_or_default(), finalbody: f.unwrap_or_default() };
                    return Some(Stmt::new(p.loc_from(start), if star { StmtKind::TryStar(t) } else { StmtKind::Try(t) }));
                }
                if p.failed() {
                    return None;
                }
                p.pos = after_block;
            }
            None
        })
    }

    pub(crate) fn except_block(&mut self) -> Option<ExceptHandler> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_except_stmt_indent());
            let start = p.pos;
            alt!(p, {
                p.eat_kw(Kw::Except)?;
                let e = p.expression()?;
                let t = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                let b = p.block()?;
                Some(ExceptHandler { loc: p.loc_from(start), type_: Some(Box::new(e)), name: t, body: b })
            });
            alt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Colon)?;
                let b = p.block()?;
                Some(ExceptHandler { loc: p.loc_from(start), type_: None, name: None, body: b })
            });
            invalid_alt!(p, p.invalid_except_stmt());
            None
        })
    }

    pub(crate) fn except_star_block(&mut self) -> Option<ExceptHandler> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_except_star_stmt_indent());
            let start = p.pos;
            alt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Star)?;
                let e = p.expression()?;
                let t = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                let b = p.block()?;
                Some(ExceptHandler { loc: p.loc_from(start), type_: Some(Box::new(e)), name: t, body: b })
            });
            invalid_alt!(p, p.invalid_except_stmt());
            None
        })
    }

    /// `['as' NAME]`
    pub(crate) fn as_name(&mut self) -> Option<String> {
        self.nested(|p| {
            attempt!(p, {
                p.eat_kw(Kw::As)?;
                p.name_ident().map(|(_, n)| n)
            })
        })
    }

    fn finally_block(&mut self) -> Option<Vec<Stmt>> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_finally_stmt());
            p.eat_kw(Kw::Finally)?;
            p.eat_forced(T::Colon, ":")?;
            p.block()
        })
    }

    fn match_stmt(&mut self) -> Option<Stmt> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat_soft("match")?;
                let subject = p.subject_expr()?;
                p.eat(T::Colon)?;
                p.eat(T::Newline)?;
                p.eat(T::Indent)?;
                let cases = p.repeat1(|p| p.case_block())?;
                p.eat(T::Dedent)?;
                Some(Stmt::new(p.loc_from(start), StmtKind::Match { subject: Box::new(subject), cases }))
            });
            invalid_alt!(p, p.invalid_match_stmt());
            None
        })
    }

    pub(crate) fn subject_expr(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let value = p.star_named_expression()?;
                p.eat(T::Comma)?;
                let values = p.star_named_expressions();
                if p.failed() {
                    return None;
                }
                let mut elts = vec![value];
                elts.extend(values.unwrap_or_default());
                Some(tuple(elts, ExprContext::Load, p.loc_from(start)))
            });
            p.named_expression()
        })
    }

    fn case_block(&mut self) -> Option<MatchCase> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_case_block());
            p.eat_soft("case")?;
            let pattern = p.patterns()?;
            let guard = p.guard();
            if p.failed() {
                return None;
            }
            p.eat(T::Colon)?;
            let body = p.block()?;
            Some(MatchCase { pattern, guard: guard.map(Box::new), body })
        })
    }

    pub(crate) fn guard(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            p.eat_kw(Kw::If)?;
            p.named_expression()
        })
    }

    fn type_expressions(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            alt!(p, {
                let mut a = p.gather(|p| p.expression())?;
                p.eat(T::Comma)?;
                p.eat(T::Star)?;
                let b = p.expression()?;
                p.eat(T::Comma)?;
                p.eat(T::DoubleStar)?;
                let c = p.expression()?;
                a.push(b);
                a.push(c);
                Some(a)
            });
            alt!(p, {
                let mut a = p.gather(|p| p.expression())?;
                p.eat(T::Comma)?;
                p.eat(T::Star)?;
                let b = p.expression()?;
                a.push(b);
                Some(a)
            });
            alt!(p, {
                let mut a = p.gather(|p| p.expression())?;
                p.eat(T::Comma)?;
                p.eat(T::DoubleStar)?;
                let b = p.expression()?;
                a.push(b);
                Some(a)
            });
            alt!(p, {
                p.eat(T::Star)?;
                let a = p.expression()?;
                p.eat(T::Comma)?;
                p.eat(T::DoubleStar)?;
                let b = p.expression()?;
                Some(vec![a, b])
            });
            alt!(p, {
                p.eat(T::Star)?;
                let a = p.expression()?;
                Some(vec![a])
            });
            alt!(p, {
                p.eat(T::DoubleStar)?;
                let a = p.expression()?;
                Some(vec![a])
            });
            p.gather(|p| p.expression())
        })
    }
}
