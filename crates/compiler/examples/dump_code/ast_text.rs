//! Reads the S-expression form of a python3.11 AST written by
//! tools/compiler_ast_export.py into pyrite's AST.

use num_bigint::BigInt;
use pyrite_syntax::ast::*;
use pyrite_syntax::pystr::PyStr;

#[derive(Debug)]
enum Sx {
    Atom(String),
    List(Vec<Sx>),
    Node(String, Vec<Sx>),
}

fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for tok in text.split_ascii_whitespace() {
        // "(Name" opens a node; ")" and "[" "]" stand alone.
        out.push(tok);
    }
    out
}

fn parse_sx(toks: &[&str]) -> Result<Sx, String> {
    // Iterative to cope with deep trees.
    let mut stack: Vec<(Option<String>, Vec<Sx>)> = vec![(None, Vec::new())];
    for &t in toks {
        if let Some(name) = t.strip_prefix('(') {
            stack.push((Some(name.to_string()), Vec::new()));
        } else if t == "[" {
            stack.push((None, Vec::new()));
        } else if t == ")" || t == "]" {
            let (name, items) = stack.pop().ok_or("unbalanced")?;
            let v = match name {
                Some(n) => Sx::Node(n, items),
                None => Sx::List(items),
            };
            stack.last_mut().ok_or("unbalanced")?.1.push(v);
        } else {
            stack.last_mut().ok_or("unbalanced")?.1.push(Sx::Atom(t.to_string()));
        }
    }
    let (_, mut items) = stack.pop().ok_or("empty")?;
    items.pop().ok_or_else(|| "empty".to_string())
}

fn hex_bytes(h: &str) -> Vec<u8> {
    (0..h.len() / 2).map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap_or(0)).collect()
}

/// Decodes surrogatepass UTF-8 into a PyStr.
fn pystr_from(bytes: &[u8]) -> PyStr {
    let mut s = PyStr::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, init) = match b {
            0x00..=0x7F => (1, b as u32),
            0xC0..=0xDF => (2, (b & 0x1F) as u32),
            0xE0..=0xEF => (3, (b & 0x0F) as u32),
            _ => (4, (b & 0x07) as u32),
        };
        let end = (i + len).min(bytes.len());
        let cp = bytes[i + 1..end].iter().fold(init, |acc, &c| (acc << 6) | (c & 0x3F) as u32);
        s.push_code_point(cp);
        i = end;
    }
    s
}

struct Reader;

type R<T> = Result<T, String>;

fn atom(sx: &Sx) -> R<&str> {
    match sx {
        Sx::Atom(a) => Ok(a),
        other => Err(format!("expected atom, got {:?}", other)),
    }
}

fn ident(sx: &Sx) -> R<String> {
    let a = atom(sx)?;
    let h = a.strip_prefix("s:").ok_or_else(|| format!("expected identifier, got {}", a))?;
    String::from_utf8(hex_bytes(h)).map_err(|e| e.to_string())
}

fn opt_ident(sx: &Sx) -> R<Option<String>> {
    if is_none(sx) {
        Ok(None)
    } else {
        ident(sx).map(Some)
    }
}

fn is_none(sx: &Sx) -> bool {
    matches!(sx, Sx::Atom(a) if a == "_")
}

fn int(sx: &Sx) -> R<i64> {
    let a = atom(sx)?;
    a.strip_prefix("i:").ok_or("expected int")?.parse().map_err(|e: std::num::ParseIntError| e.to_string())
}

fn list(sx: &Sx) -> R<&[Sx]> {
    match sx {
        Sx::List(items) => Ok(items),
        other => Err(format!("expected list, got {:?}", other)),
    }
}

fn node(sx: &Sx) -> R<(&str, &[Sx])> {
    match sx {
        Sx::Node(n, items) => Ok((n, items)),
        other => Err(format!("expected node, got {:?}", other)),
    }
}

fn loc_of(items: &[Sx]) -> R<(Loc, &[Sx])> {
    let n: Vec<u32> = items[..4]
        .iter()
        .map(|s| atom(s).and_then(|a| a.parse::<u32>().map_err(|e| e.to_string())))
        .collect::<R<_>>()?;
    Ok((Loc::new(n[0], n[1], n[2], n[3]), &items[4..]))
}

fn float_bits(h: &str) -> R<f64> {
    u64::from_str_radix(h, 16).map(f64::from_bits).map_err(|e| e.to_string())
}

fn constant(sx: &Sx) -> R<Constant> {
    let a = atom(sx)?;
    Ok(match a {
        "N" => Constant::None,
        "T" => Constant::Bool(true),
        "F" => Constant::Bool(false),
        "E" => Constant::Ellipsis,
        _ => {
            let (tag, rest) = a.split_once(':').ok_or("bad constant")?;
            match tag {
                "i" => match rest.parse::<i64>() {
                    Ok(i) => Constant::Int(i),
                    Err(_) => Constant::BigInt(Box::new(rest.parse::<BigInt>().map_err(|e| e.to_string())?)),
                },
                "f" => Constant::Float(float_bits(rest)?),
                "c" => {
                    let (r, i) = rest.split_once(':').ok_or("bad complex")?;
                    Constant::Complex { real: float_bits(r)?, imag: float_bits(i)? }
                }
                "s" => Constant::Str(pystr_from(&hex_bytes(rest))),
                "b" => Constant::Bytes(hex_bytes(rest)),
                _ => return Err(format!("bad constant {}", a)),
            }
        }
    })
}

impl Reader {
    fn module(&self, sx: &Sx) -> R<Mod> {
        let (name, f) = node(sx)?;
        Ok(match name {
            "Module" => Mod::Module { body: self.stmts(&f[0])?, type_ignores: vec![] },
            "Interactive" => Mod::Interactive { body: self.stmts(&f[0])? },
            "Expression" => Mod::Expression { body: Box::new(self.expr(&f[0])?) },
            _ => return Err(format!("unknown mod {}", name)),
        })
    }

    fn stmts(&self, sx: &Sx) -> R<Vec<Stmt>> {
        list(sx)?.iter().map(|s| self.stmt(s)).collect()
    }

    fn exprs(&self, sx: &Sx) -> R<Vec<Expr>> {
        list(sx)?.iter().map(|s| self.expr(s)).collect()
    }

    fn opt_expr(&self, sx: &Sx) -> R<Option<Box<Expr>>> {
        if is_none(sx) {
            Ok(None)
        } else {
            Ok(Some(Box::new(self.expr(sx)?)))
        }
    }

    fn bexpr(&self, sx: &Sx) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(sx)?))
    }

    fn ctx(&self, sx: &Sx) -> R<ExprContext> {
        Ok(match node(sx)?.0 {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            _ => ExprContext::Del,
        })
    }

    fn operator(&self, sx: &Sx) -> R<Operator> {
        Ok(match node(sx)?.0 {
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
            o => return Err(format!("bad operator {}", o)),
        })
    }

    fn cmpop(&self, sx: &Sx) -> R<CmpOp> {
        Ok(match node(sx)?.0 {
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
            o => return Err(format!("bad cmpop {}", o)),
        })
    }

    fn arg(&self, sx: &Sx) -> R<Arg> {
        let (_, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        Ok(Arg { loc, arg: ident(&f[0])?, annotation: self.opt_expr(&f[1])?, type_comment: None })
    }

    fn opt_arg(&self, sx: &Sx) -> R<Option<Box<Arg>>> {
        if is_none(sx) {
            Ok(None)
        } else {
            Ok(Some(Box::new(self.arg(sx)?)))
        }
    }

    fn arguments(&self, sx: &Sx) -> R<Arguments> {
        let (_, f) = node(sx)?;
        Ok(Arguments {
            posonlyargs: list(&f[0])?.iter().map(|a| self.arg(a)).collect::<R<_>>()?,
            args: list(&f[1])?.iter().map(|a| self.arg(a)).collect::<R<_>>()?,
            vararg: self.opt_arg(&f[2])?,
            kwonlyargs: list(&f[3])?.iter().map(|a| self.arg(a)).collect::<R<_>>()?,
            kw_defaults: list(&f[4])?
                .iter()
                .map(|d| if is_none(d) { Ok(None) } else { self.expr(d).map(Some) })
                .collect::<R<_>>()?,
            kwarg: self.opt_arg(&f[5])?,
            defaults: self.exprs(&f[6])?,
        })
    }

    fn keyword(&self, sx: &Sx) -> R<Keyword> {
        let (_, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        Ok(Keyword { loc, arg: opt_ident(&f[0])?, value: self.expr(&f[1])? })
    }

    fn keywords(&self, sx: &Sx) -> R<Vec<Keyword>> {
        list(sx)?.iter().map(|k| self.keyword(k)).collect()
    }

    fn alias(&self, sx: &Sx) -> R<Alias> {
        let (_, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        Ok(Alias { loc, name: ident(&f[0])?, asname: opt_ident(&f[1])? })
    }

    fn function(&self, f: &[Sx]) -> R<FunctionDef> {
        Ok(FunctionDef {
            name: ident(&f[0])?,
            args: Box::new(self.arguments(&f[1])?),
            body: self.stmts(&f[2])?,
            decorator_list: self.exprs(&f[3])?,
            returns: self.opt_expr(&f[4])?,
            type_comment: None,
        })
    }

    fn for_(&self, f: &[Sx]) -> R<For> {
        Ok(For {
            target: self.bexpr(&f[0])?,
            iter: self.bexpr(&f[1])?,
            body: self.stmts(&f[2])?,
            orelse: self.stmts(&f[3])?,
            type_comment: None,
        })
    }

    fn with(&self, f: &[Sx]) -> R<With> {
        let items = list(&f[0])?
            .iter()
            .map(|i| {
                let (_, g) = node(i)?;
                Ok(WithItem { context_expr: self.expr(&g[0])?, optional_vars: self.opt_expr(&g[1])? })
            })
            .collect::<R<_>>()?;
        Ok(With { items, body: self.stmts(&f[1])?, type_comment: None })
    }

    fn try_(&self, f: &[Sx]) -> R<Try> {
        let handlers = list(&f[1])?
            .iter()
            .map(|h| {
                let (_, g) = node(h)?;
                let (loc, g) = loc_of(g)?;
                Ok(ExceptHandler { loc, type_: self.opt_expr(&g[0])?, name: opt_ident(&g[1])?, body: self.stmts(&g[2])? })
            })
            .collect::<R<_>>()?;
        Ok(Try { body: self.stmts(&f[0])?, handlers, orelse: self.stmts(&f[2])?, finalbody: self.stmts(&f[3])? })
    }

    fn stmt(&self, sx: &Sx) -> R<Stmt> {
        let (name, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        let kind = match name {
            "FunctionDef" => StmtKind::FunctionDef(self.function(f)?),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.function(f)?),
            "ClassDef" => StmtKind::ClassDef(ClassDef {
                name: ident(&f[0])?,
                bases: self.exprs(&f[1])?,
                keywords: self.keywords(&f[2])?,
                body: self.stmts(&f[3])?,
                decorator_list: self.exprs(&f[4])?,
            }),
            "Return" => StmtKind::Return { value: self.opt_expr(&f[0])? },
            "Delete" => StmtKind::Delete { targets: self.exprs(&f[0])? },
            "Assign" => StmtKind::Assign { targets: self.exprs(&f[0])?, value: self.bexpr(&f[1])?, type_comment: None },
            "AugAssign" => StmtKind::AugAssign { target: self.bexpr(&f[0])?, op: self.operator(&f[1])?, value: self.bexpr(&f[2])? },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.bexpr(&f[0])?,
                annotation: self.bexpr(&f[1])?,
                value: self.opt_expr(&f[2])?,
                simple: int(&f[3])? != 0,
            },
            "For" => StmtKind::For(self.for_(f)?),
            "AsyncFor" => StmtKind::AsyncFor(self.for_(f)?),
            "While" => StmtKind::While { test: self.bexpr(&f[0])?, body: self.stmts(&f[1])?, orelse: self.stmts(&f[2])? },
            "If" => StmtKind::If { test: self.bexpr(&f[0])?, body: self.stmts(&f[1])?, orelse: self.stmts(&f[2])? },
            "With" => StmtKind::With(self.with(f)?),
            "AsyncWith" => StmtKind::AsyncWith(self.with(f)?),
            "Match" => StmtKind::Match {
                subject: self.bexpr(&f[0])?,
                cases: list(&f[1])?
                    .iter()
                    .map(|c| {
                        let (_, g) = node(c)?;
                        Ok(MatchCase { pattern: self.pattern(&g[0])?, guard: self.opt_expr(&g[1])?, body: self.stmts(&g[2])? })
                    })
                    .collect::<R<_>>()?,
            },
            "Raise" => StmtKind::Raise { exc: self.opt_expr(&f[0])?, cause: self.opt_expr(&f[1])? },
            "Try" => StmtKind::Try(self.try_(f)?),
            "TryStar" => StmtKind::TryStar(self.try_(f)?),
            "Assert" => StmtKind::Assert { test: self.bexpr(&f[0])?, msg: self.opt_expr(&f[1])? },
            "Import" => StmtKind::Import { names: list(&f[0])?.iter().map(|a| self.alias(a)).collect::<R<_>>()? },
            "ImportFrom" => StmtKind::ImportFrom {
                module: opt_ident(&f[0])?,
                names: list(&f[1])?.iter().map(|a| self.alias(a)).collect::<R<_>>()?,
                level: if is_none(&f[2]) { 0 } else { int(&f[2])? as u32 },
            },
            "Global" => StmtKind::Global { names: list(&f[0])?.iter().map(ident).collect::<R<_>>()? },
            "Nonlocal" => StmtKind::Nonlocal { names: list(&f[0])?.iter().map(ident).collect::<R<_>>()? },
            "Expr" => StmtKind::Expr { value: self.bexpr(&f[0])? },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            other => return Err(format!("unknown stmt {}", other)),
        };
        Ok(Stmt { loc, kind })
    }

    fn comprehensions(&self, sx: &Sx) -> R<Vec<Comprehension>> {
        list(sx)?
            .iter()
            .map(|c| {
                let (_, g) = node(c)?;
                Ok(Comprehension {
                    target: self.expr(&g[0])?,
                    iter: self.expr(&g[1])?,
                    ifs: self.exprs(&g[2])?,
                    is_async: int(&g[3])? != 0,
                })
            })
            .collect()
    }

    fn expr(&self, sx: &Sx) -> R<Expr> {
        let (name, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        let kind = match name {
            "BoolOp" => ExprKind::BoolOp {
                op: if node(&f[0])?.0 == "And" { BoolOp::And } else { BoolOp::Or },
                values: self.exprs(&f[1])?,
            },
            "NamedExpr" => ExprKind::NamedExpr { target: self.bexpr(&f[0])?, value: self.bexpr(&f[1])? },
            "BinOp" => ExprKind::BinOp { left: self.bexpr(&f[0])?, op: self.operator(&f[1])?, right: self.bexpr(&f[2])? },
            "UnaryOp" => ExprKind::UnaryOp {
                op: match node(&f[0])?.0 {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                },
                operand: self.bexpr(&f[1])?,
            },
            "Lambda" => ExprKind::Lambda { args: Box::new(self.arguments(&f[0])?), body: self.bexpr(&f[1])? },
            "IfExp" => ExprKind::IfExp { test: self.bexpr(&f[0])?, body: self.bexpr(&f[1])?, orelse: self.bexpr(&f[2])? },
            "Dict" => ExprKind::Dict {
                keys: list(&f[0])?
                    .iter()
                    .map(|k| if is_none(k) { Ok(None) } else { self.expr(k).map(Some) })
                    .collect::<R<_>>()?,
                values: self.exprs(&f[1])?,
            },
            "Set" => ExprKind::Set { elts: self.exprs(&f[0])? },
            "ListComp" => ExprKind::ListComp { elt: self.bexpr(&f[0])?, generators: self.comprehensions(&f[1])? },
            "SetComp" => ExprKind::SetComp { elt: self.bexpr(&f[0])?, generators: self.comprehensions(&f[1])? },
            "DictComp" => ExprKind::DictComp {
                key: self.bexpr(&f[0])?,
                value: self.bexpr(&f[1])?,
                generators: self.comprehensions(&f[2])?,
            },
            "GeneratorExp" => ExprKind::GeneratorExp { elt: self.bexpr(&f[0])?, generators: self.comprehensions(&f[1])? },
            "Await" => ExprKind::Await { value: self.bexpr(&f[0])? },
            "Yield" => ExprKind::Yield { value: self.opt_expr(&f[0])? },
            "YieldFrom" => ExprKind::YieldFrom { value: self.bexpr(&f[0])? },
            "Compare" => ExprKind::Compare {
                left: self.bexpr(&f[0])?,
                ops: list(&f[1])?.iter().map(|o| self.cmpop(o)).collect::<R<_>>()?,
                comparators: self.exprs(&f[2])?,
            },
            "Call" => ExprKind::Call { func: self.bexpr(&f[0])?, args: self.exprs(&f[1])?, keywords: self.keywords(&f[2])? },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.bexpr(&f[0])?,
                conversion: int(&f[1])? as i32,
                format_spec: self.opt_expr(&f[2])?,
            },
            "JoinedStr" => ExprKind::JoinedStr { values: self.exprs(&f[0])? },
            "Constant" => ExprKind::Constant { value: constant(&f[0])?, kind: opt_ident(&f[1])? },
            "Attribute" => ExprKind::Attribute { value: self.bexpr(&f[0])?, attr: ident(&f[1])?, ctx: self.ctx(&f[2])? },
            "Subscript" => ExprKind::Subscript { value: self.bexpr(&f[0])?, slice: self.bexpr(&f[1])?, ctx: self.ctx(&f[2])? },
            "Starred" => ExprKind::Starred { value: self.bexpr(&f[0])?, ctx: self.ctx(&f[1])? },
            "Name" => ExprKind::Name { id: ident(&f[0])?, ctx: self.ctx(&f[1])? },
            "List" => ExprKind::List { elts: self.exprs(&f[0])?, ctx: self.ctx(&f[1])? },
            "Tuple" => ExprKind::Tuple { elts: self.exprs(&f[0])?, ctx: self.ctx(&f[1])? },
            "Slice" => ExprKind::Slice { lower: self.opt_expr(&f[0])?, upper: self.opt_expr(&f[1])?, step: self.opt_expr(&f[2])? },
            other => return Err(format!("unknown expr {}", other)),
        };
        Ok(Expr { loc, kind })
    }

    fn patterns(&self, sx: &Sx) -> R<Vec<Pattern>> {
        list(sx)?.iter().map(|p| self.pattern(p)).collect()
    }

    fn pattern(&self, sx: &Sx) -> R<Pattern> {
        let (name, f) = node(sx)?;
        let (loc, f) = loc_of(f)?;
        let kind = match name {
            "MatchValue" => PatternKind::MatchValue { value: self.bexpr(&f[0])? },
            "MatchSingleton" => PatternKind::MatchSingleton { value: constant(&f[0])? },
            "MatchSequence" => PatternKind::MatchSequence { patterns: self.patterns(&f[0])? },
            "MatchMapping" => PatternKind::MatchMapping {
                keys: self.exprs(&f[0])?,
                patterns: self.patterns(&f[1])?,
                rest: opt_ident(&f[2])?,
            },
            "MatchClass" => PatternKind::MatchClass {
                cls: self.bexpr(&f[0])?,
                patterns: self.patterns(&f[1])?,
                kwd_attrs: list(&f[2])?.iter().map(ident).collect::<R<_>>()?,
                kwd_patterns: self.patterns(&f[3])?,
            },
            "MatchStar" => PatternKind::MatchStar { name: opt_ident(&f[0])? },
            "MatchAs" => PatternKind::MatchAs {
                pattern: if is_none(&f[0]) { None } else { Some(Box::new(self.pattern(&f[0])?)) },
                name: opt_ident(&f[1])?,
            },
            "MatchOr" => PatternKind::MatchOr { patterns: self.patterns(&f[0])? },
            other => return Err(format!("unknown pattern {}", other)),
        };
        Ok(Pattern { loc, kind })
    }
}

/// Parses the exporter's text into a module.
pub fn read_module(text: &str) -> Result<Mod, String> {
    let toks = tokenize(text);
    let sx = parse_sx(&toks)?;
    Reader.module(&sx)
}
