//! Differential tests: testdata/cases.txt holds snippets with the tree
//! python3.11's `ast.parse` gives and what `compile()` then reports; it is
//! written by tools/semantic_fixtures.py. The trees are read back here, so these
//! tests do not depend on pyrite's parser.

use super::*;
use crate::ast::*;
use crate::error::WarningCategory;
use crate::pystr::PyStr;
use num_bigint::BigInt;

#[derive(Debug, Clone)]
enum Tok {
    Open,
    Close,
    LBrack,
    RBrack,
    Nil,
    Str(PyStr),
    Atom(String),
}

fn decode_json_string(chars: &[char], pos: &mut usize) -> PyStr {
    let mut out = PyStr::new();
    *pos += 1; // opening quote
    while let Some(&c) = chars.get(*pos) {
        *pos += 1;
        match c {
            '"' => break,
            '\\' => {
                let esc = chars[*pos];
                *pos += 1;
                match esc {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let hex: String = chars[*pos..*pos + 4].iter().collect();
                        *pos += 4;
                        let mut cp = u32::from_str_radix(&hex, 16).unwrap();
                        // A surrogate pair stands for one code point.
                        if (0xD800..0xDC00).contains(&cp) && chars.get(*pos) == Some(&'\\') && chars.get(*pos + 1) == Some(&'u') {
                            let hex2: String = chars[*pos + 2..*pos + 6].iter().collect();
                            let low = u32::from_str_radix(&hex2, 16).unwrap();
                            if (0xDC00..0xE000).contains(&low) {
                                *pos += 6;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                            }
                        }
                        out.push_code_point(cp);
                    }
                    other => out.push(other),
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn lex(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        match chars[pos] {
            ' ' => pos += 1,
            '(' => {
                toks.push(Tok::Open);
                pos += 1
            }
            ')' => {
                toks.push(Tok::Close);
                pos += 1
            }
            '[' => {
                toks.push(Tok::LBrack);
                pos += 1
            }
            ']' => {
                toks.push(Tok::RBrack);
                pos += 1
            }
            '~' => {
                toks.push(Tok::Nil);
                pos += 1
            }
            '"' => toks.push(Tok::Str(decode_json_string(&chars, &mut pos))),
            's' if chars.get(pos + 1) == Some(&'"') => {
                pos += 1;
                let s = decode_json_string(&chars, &mut pos);
                toks.push(Tok::Atom(String::from("s")));
                toks.push(Tok::Str(s));
            }
            _ => {
                let start = pos;
                while pos < chars.len() && !" ()[]".contains(chars[pos]) {
                    pos += 1;
                }
                toks.push(Tok::Atom(chars[start..pos].iter().collect()));
            }
        }
    }
    toks
}

struct Reader {
    toks: Vec<Tok>,
    pos: usize,
}

impl Reader {
    fn next(&mut self) -> Tok {
        let t = self.toks[self.pos].clone();
        self.pos += 1;
        t
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.pos]
    }

    fn open(&mut self) -> String {
        assert!(matches!(self.next(), Tok::Open));
        self.atom()
    }

    fn close(&mut self) {
        assert!(matches!(self.next(), Tok::Close), "expected ) at {}", self.pos);
    }

    fn atom(&mut self) -> String {
        match self.next() {
            Tok::Atom(a) => a,
            t => panic!("expected atom, got {:?}", t),
        }
    }

    fn int(&mut self) -> i64 {
        self.atom().parse().unwrap()
    }

    fn string(&mut self) -> String {
        match self.next() {
            Tok::Str(s) => s.as_str().unwrap().to_string(),
            t => panic!("expected string, got {:?}", t),
        }
    }

    fn opt_string(&mut self) -> Option<String> {
        if matches!(self.peek(), Tok::Nil) {
            self.next();
            return None;
        }
        Some(self.string())
    }

    fn loc(&mut self) -> Loc {
        let (a, b, c, d) = (self.int(), self.int(), self.int(), self.int());
        Loc::new(a as u32, b as u32, c as u32, d as u32)
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Reader) -> T) -> Vec<T> {
        assert!(matches!(self.next(), Tok::LBrack));
        let mut out = Vec::new();
        while !matches!(self.peek(), Tok::RBrack) {
            out.push(item(self));
        }
        self.next();
        out
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(|r| r.string())
    }

    fn opt_expr(&mut self) -> Option<Box<Expr>> {
        if matches!(self.peek(), Tok::Nil) {
            self.next();
            return None;
        }
        Some(Box::new(self.expr()))
    }

    fn bexpr(&mut self) -> Box<Expr> {
        Box::new(self.expr())
    }

    fn ctx(&mut self) -> ExprContext {
        match self.atom().as_str() {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            _ => ExprContext::Del,
        }
    }

    fn operator(&mut self) -> Operator {
        match self.atom().as_str() {
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
            _ => Operator::FloorDiv,
        }
    }

    fn constant(&mut self) -> Constant {
        let a = self.atom();
        match a.as_str() {
            "N" => return Constant::None,
            "T" => return Constant::Bool(true),
            "F" => return Constant::Bool(false),
            "E" => return Constant::Ellipsis,
            "s" => return Constant::Str(match self.next() {
                Tok::Str(s) => s,
                t => panic!("{:?}", t),
            }),
            _ => {}
        }
        let (tag, rest) = a.split_at(1);
        let float = |s: &str| -> f64 {
            match s {
                "inf" => f64::INFINITY,
                "-inf" => f64::NEG_INFINITY,
                "nan" => f64::NAN,
                _ => s.parse().unwrap(),
            }
        };
        match tag {
            "i" => {
                let b: BigInt = rest.parse().unwrap();
                match i64::try_from(&b) {
                    Ok(i) => Constant::Int(i),
                    Err(_) => Constant::BigInt(Box::new(b)),
                }
            }
            "f" => Constant::Float(float(rest)),
            "c" => {
                let (re, im) = rest.split_once(',').unwrap();
                Constant::Complex { real: float(re), imag: float(im) }
            }
            "b" => {
                let hex = if rest == "-" { "" } else { rest };
                Constant::Bytes((0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect())
            }
            _ => panic!("bad constant {}", a),
        }
    }

    fn arg(&mut self) -> Arg {
        assert_eq!(self.open(), "arg");
        let loc = self.loc();
        let arg = self.string();
        let annotation = self.opt_expr();
        let type_comment = self.opt_string();
        self.close();
        Arg { loc, arg, annotation, type_comment }
    }

    fn opt_arg(&mut self) -> Option<Box<Arg>> {
        if matches!(self.peek(), Tok::Nil) {
            self.next();
            return None;
        }
        Some(Box::new(self.arg()))
    }

    fn arguments(&mut self) -> Box<Arguments> {
        assert_eq!(self.open(), "arguments");
        let posonlyargs = self.list(|r| r.arg());
        let args = self.list(|r| r.arg());
        let vararg = self.opt_arg();
        let kwonlyargs = self.list(|r| r.arg());
        let kw_defaults = self.list(|r| r.opt_expr().map(|e| *e));
        let kwarg = self.opt_arg();
        let defaults = self.list(|r| r.expr());
        self.close();
        Box::new(Arguments { posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults })
    }

    fn keyword(&mut self) -> Keyword {
        assert_eq!(self.open(), "keyword");
        let loc = self.loc();
        let arg = self.opt_string();
        let value = self.expr();
        self.close();
        Keyword { loc, arg, value }
    }

    fn alias(&mut self) -> Alias {
        assert_eq!(self.open(), "alias");
        let loc = self.loc();
        let name = self.string();
        let asname = self.opt_string();
        self.close();
        Alias { loc, name, asname }
    }

    fn comprehension(&mut self) -> crate::ast::Comprehension {
        assert_eq!(self.open(), "comprehension");
        let target = self.expr();
        let iter = self.expr();
        let ifs = self.list(|r| r.expr());
        let is_async = self.int() != 0;
        self.close();
        crate::ast::Comprehension { target, iter, ifs, is_async }
    }

    fn expr(&mut self) -> Expr {
        let name = self.open();
        let loc = self.loc();
        let kind = match name.as_str() {
            "BoolOp" => {
                let op = if self.atom() == "And" { BoolOp::And } else { BoolOp::Or };
                ExprKind::BoolOp { op, values: self.list(|r| r.expr()) }
            }
            "NamedExpr" => ExprKind::NamedExpr { target: self.bexpr(), value: self.bexpr() },
            "BinOp" => ExprKind::BinOp { left: self.bexpr(), op: self.operator(), right: self.bexpr() },
            "UnaryOp" => {
                let op = match self.atom().as_str() {
                    "Invert" => UnaryOp::Invert,
                    "Not" => UnaryOp::Not,
                    "UAdd" => UnaryOp::UAdd,
                    _ => UnaryOp::USub,
                };
                ExprKind::UnaryOp { op, operand: self.bexpr() }
            }
            "Lambda" => ExprKind::Lambda { args: self.arguments(), body: self.bexpr() },
            "IfExp" => ExprKind::IfExp { test: self.bexpr(), body: self.bexpr(), orelse: self.bexpr() },
            "Dict" => ExprKind::Dict { keys: self.list(|r| r.opt_expr().map(|e| *e)), values: self.list(|r| r.expr()) },
            "Set" => ExprKind::Set { elts: self.list(|r| r.expr()) },
            "ListComp" => ExprKind::ListComp { elt: self.bexpr(), generators: self.list(|r| r.comprehension()) },
            "SetComp" => ExprKind::SetComp { elt: self.bexpr(), generators: self.list(|r| r.comprehension()) },
            "GeneratorExp" => ExprKind::GeneratorExp { elt: self.bexpr(), generators: self.list(|r| r.comprehension()) },
            "DictComp" => ExprKind::DictComp { key: self.bexpr(), value: self.bexpr(), generators: self.list(|r| r.comprehension()) },
            "Await" => ExprKind::Await { value: self.bexpr() },
            "Yield" => ExprKind::Yield { value: self.opt_expr() },
            "YieldFrom" => ExprKind::YieldFrom { value: self.bexpr() },
            "Compare" => {
                let left = self.bexpr();
                let ops = self.list(|r| match r.atom().as_str() {
                    "Eq" => CmpOp::Eq,
                    "NotEq" => CmpOp::NotEq,
                    "Lt" => CmpOp::Lt,
                    "LtE" => CmpOp::LtE,
                    "Gt" => CmpOp::Gt,
                    "GtE" => CmpOp::GtE,
                    "Is" => CmpOp::Is,
                    "IsNot" => CmpOp::IsNot,
                    "In" => CmpOp::In,
                    _ => CmpOp::NotIn,
                });
                ExprKind::Compare { left, ops, comparators: self.list(|r| r.expr()) }
            }
            "Call" => ExprKind::Call { func: self.bexpr(), args: self.list(|r| r.expr()), keywords: self.list(|r| r.keyword()) },
            "FormattedValue" => ExprKind::FormattedValue { value: self.bexpr(), conversion: self.int() as i32, format_spec: self.opt_expr() },
            "JoinedStr" => ExprKind::JoinedStr { values: self.list(|r| r.expr()) },
            "Constant" => ExprKind::Constant { value: self.constant(), kind: self.opt_string() },
            "Attribute" => ExprKind::Attribute { value: self.bexpr(), attr: self.string(), ctx: self.ctx() },
            "Subscript" => ExprKind::Subscript { value: self.bexpr(), slice: self.bexpr(), ctx: self.ctx() },
            "Starred" => ExprKind::Starred { value: self.bexpr(), ctx: self.ctx() },
            "Name" => ExprKind::Name { id: self.string(), ctx: self.ctx() },
            "List" => ExprKind::List { elts: self.list(|r| r.expr()), ctx: self.ctx() },
            "Tuple" => ExprKind::Tuple { elts: self.list(|r| r.expr()), ctx: self.ctx() },
            "Slice" => ExprKind::Slice { lower: self.opt_expr(), upper: self.opt_expr(), step: self.opt_expr() },
            other => panic!("unknown expr {}", other),
        };
        self.close();
        Expr::new(loc, kind)
    }

    fn stmts(&mut self) -> Vec<Stmt> {
        self.list(|r| r.stmt())
    }

    fn function(&mut self) -> FunctionDef {
        FunctionDef {
            name: self.string(),
            args: self.arguments(),
            body: self.stmts(),
            decorator_list: self.list(|r| r.expr()),
            returns: self.opt_expr(),
            type_comment: self.opt_string(),
        }
    }

    fn pattern(&mut self) -> Pattern {
        let name = self.open();
        let loc = self.loc();
        let kind = match name.as_str() {
            "MatchValue" => PatternKind::MatchValue { value: self.bexpr() },
            "MatchSingleton" => PatternKind::MatchSingleton { value: self.constant() },
            "MatchSequence" => PatternKind::MatchSequence { patterns: self.list(|r| r.pattern()) },
            "MatchMapping" => PatternKind::MatchMapping { keys: self.list(|r| r.expr()), patterns: self.list(|r| r.pattern()), rest: self.opt_string() },
            "MatchClass" => PatternKind::MatchClass {
                cls: self.bexpr(),
                patterns: self.list(|r| r.pattern()),
                kwd_attrs: self.strings(),
                kwd_patterns: self.list(|r| r.pattern()),
            },
            "MatchStar" => PatternKind::MatchStar { name: self.opt_string() },
            "MatchAs" => {
                let pattern = if matches!(self.peek(), Tok::Nil) {
                    self.next();
                    None
                } else {
                    Some(Box::new(self.pattern()))
                };
                PatternKind::MatchAs { pattern, name: self.opt_string() }
            }
            "MatchOr" => PatternKind::MatchOr { patterns: self.list(|r| r.pattern()) },
            other => panic!("unknown pattern {}", other),
        };
        self.close();
        Pattern { loc, kind }
    }

    fn handler(&mut self) -> ExceptHandler {
        assert_eq!(self.open(), "ExceptHandler");
        let loc = self.loc();
        let h = ExceptHandler { loc, type_: self.opt_expr(), name: self.opt_string(), body: self.stmts() };
        self.close();
        h
    }

    fn try_(&mut self) -> Try {
        Try { body: self.stmts(), handlers: self.list(|r| r.handler()), orelse: self.stmts(), finalbody: self.stmts() }
    }

    fn for_(&mut self) -> For {
        For { target: self.bexpr(), iter: self.bexpr(), body: self.stmts(), orelse: self.stmts(), type_comment: self.opt_string() }
    }

    fn with_(&mut self) -> With {
        let items = self.list(|r| {
            assert_eq!(r.open(), "withitem");
            let item = WithItem { context_expr: r.expr(), optional_vars: r.opt_expr() };
            r.close();
            item
        });
        With { items, body: self.stmts(), type_comment: self.opt_string() }
    }

    fn stmt(&mut self) -> Stmt {
        let name = self.open();
        let loc = self.loc();
        let kind = match name.as_str() {
            "FunctionDef" => StmtKind::FunctionDef(self.function()),
            "AsyncFunctionDef" => StmtKind::AsyncFunctionDef(self.function()),
            "ClassDef" => StmtKind::ClassDef(ClassDef {
                name: self.string(),
                bases: self.list(|r| r.expr()),
                keywords: self.list(|r| r.keyword()),
                body: self.stmts(),
                decorator_list: self.list(|r| r.expr()),
            }),
            "Return" => StmtKind::Return { value: self.opt_expr() },
            "Delete" => StmtKind::Delete { targets: self.list(|r| r.expr()) },
            "Assign" => StmtKind::Assign { targets: self.list(|r| r.expr()), value: self.bexpr(), type_comment: self.opt_string() },
            "AugAssign" => StmtKind::AugAssign { target: self.bexpr(), op: self.operator(), value: self.bexpr() },
            "AnnAssign" => StmtKind::AnnAssign { target: self.bexpr(), annotation: self.bexpr(), value: self.opt_expr(), simple: self.int() != 0 },
            "For" => StmtKind::For(self.for_()),
            "AsyncFor" => StmtKind::AsyncFor(self.for_()),
            "While" => StmtKind::While { test: self.bexpr(), body: self.stmts(), orelse: self.stmts() },
            "If" => StmtKind::If { test: self.bexpr(), body: self.stmts(), orelse: self.stmts() },
            "With" => StmtKind::With(self.with_()),
            "AsyncWith" => StmtKind::AsyncWith(self.with_()),
            "Match" => StmtKind::Match {
                subject: self.bexpr(),
                cases: self.list(|r| {
                    assert_eq!(r.open(), "match_case");
                    let case = MatchCase { pattern: r.pattern(), guard: r.opt_expr(), body: r.stmts() };
                    r.close();
                    case
                }),
            },
            "Raise" => StmtKind::Raise { exc: self.opt_expr(), cause: self.opt_expr() },
            "Try" => StmtKind::Try(self.try_()),
            "TryStar" => StmtKind::TryStar(self.try_()),
            "Assert" => StmtKind::Assert { test: self.bexpr(), msg: self.opt_expr() },
            "Import" => StmtKind::Import { names: self.list(|r| r.alias()) },
            "ImportFrom" => StmtKind::ImportFrom {
                module: self.opt_string(),
                names: self.list(|r| r.alias()),
                level: if matches!(self.peek(), Tok::Nil) {
                    self.next();
                    0
                } else {
                    self.int() as u32
                },
            },
            "Global" => StmtKind::Global { names: self.strings() },
            "Nonlocal" => StmtKind::Nonlocal { names: self.strings() },
            "Expr" => StmtKind::Expr { value: self.bexpr() },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            other => panic!("unknown stmt {}", other),
        };
        self.close();
        Stmt::new(loc, kind)
    }

    fn module(&mut self) -> Mod {
        assert_eq!(self.open(), "Module");
        let body = self.stmts();
        let _ = self.list(|r| r.next());
        self.close();
        Mod::Module { body, type_ignores: Vec::new() }
    }
}

/// The outcome in the fixture's notation, for comparison.
fn describe(checked: &Checked) -> String {
    let err = match &checked.error {
        None => "~".to_string(),
        Some(e) if e.kind == SyntaxErrorKind::RecursionError => format!("(RecursionError {:?})", e.msg),
        Some(e) => format!(
            "({} {:?} {} {} {} {} {})",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            if e.end_offset == 0 { "~".to_string() } else { e.end_offset.to_string() },
            e.text.as_ref().map(|t| format!("{:?}", t)).unwrap_or("~".into())
        ),
    };
    let warnings: Vec<String> = checked
        .warnings
        .iter()
        .filter(|w| w.category == WarningCategory::SyntaxWarning)
        .map(|w| format!("({:?} {})", w.msg, w.lineno))
        .collect();
    format!("{} [{}]", err, warnings.join(" "))
}

/// The fixture's expectation re-rendered in [`describe`]'s notation.
fn expected(line: &str) -> String {
    let mut r = Reader { toks: lex(line), pos: 0 };
    let err = if matches!(r.peek(), Tok::Nil) {
        r.next();
        "~".to_string()
    } else {
        let kind = r.open();
        if kind == "RecursionError" {
            let msg = r.string();
            r.close();
            format!("(RecursionError {:?})", msg)
        } else {
            let msg = r.string();
            let (lineno, offset) = (r.int(), r.int());
            let opt = |r: &mut Reader| if matches!(r.peek(), Tok::Nil) {
                r.next();
                "~".to_string()
            } else {
                r.atom()
            };
            let end_lineno = opt(&mut r);
            let end_offset = opt(&mut r);
            let text = r.opt_string().map(|t| format!("{:?}", t)).unwrap_or("~".into());
            r.close();
            let end_offset = if end_offset == "0" { "~".to_string() } else { end_offset };
            format!("({} {:?} {} {} {} {} {})", kind, msg, lineno, offset, end_lineno, end_offset, text)
        }
    };
    let warnings = r.list(|r| {
        r.next();
        let msg = r.string();
        let lineno = r.int();
        r.close();
        format!("({:?} {})", msg, lineno)
    });
    format!("{} [{}]", err, warnings.join(" "))
}

/// Runs the cases of a fixture file; returns how many ran and the differences.
fn run_fixture(data: &str) -> (usize, Vec<String>) {
    let lines: Vec<&str> = data.lines().collect();
    let mut failures = Vec::new();
    let mut count = 0;
    for chunk in lines.chunks(3) {
        let [src, tree, exp] = chunk else { continue };
        let src = src.strip_prefix("SRC ").unwrap();
        let source = {
            let chars: Vec<char> = src.chars().collect();
            let mut pos = 0;
            let decoded = decode_json_string(&chars, &mut pos);
            match decoded.as_str() {
                Some(s) => s.to_string(),
                None => continue,
            }
        };
        let module = Reader { toks: lex(tree.strip_prefix("AST ").unwrap()), pos: 0 }.module();
        let got = describe(&check_all(&module, &source));
        let want = expected(exp.strip_prefix("EXP ").unwrap());
        count += 1;
        if std::env::var("SEM_SHOW").is_ok() {
            eprintln!("{}\n  {}", source.trim_end(), got);
        }
        if got != want {
            let shown: String = source.lines().take(40).collect::<Vec<_>>().join("\n");
            failures.push(format!("--- {}\n  want {}\n  got  {}", shown, want, got));
        }
    }
    (count, failures)
}

#[test]
fn matches_cpython_on_fixture_cases() {
    let (count, failures) = run_fixture(include_str!("testdata/cases.txt"));
    assert!(count > 100);
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), count, failures.join("\n"));
}

/// A larger fixture made by `tools/semantic_fixtures.py --tree DIR --out FILE`
/// (the whole stdlib, say), run when SEMANTIC_FIXTURE names it.
#[test]
fn matches_cpython_on_external_fixture() {
    let Ok(path) = std::env::var("SEMANTIC_FIXTURE") else { return };
    let data = std::fs::read_to_string(&path).unwrap();
    let (count, failures) = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_fixture(&data))
        .unwrap()
        .join()
        .unwrap();
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), count, failures.join("\n"));
}

#[test]
fn source_lines_follow_programtext() {
    let lines = SourceLines::new("a\r\nb\rc\n");
    assert_eq!(lines.text(1).as_deref(), Some("a\n"));
    assert_eq!(lines.text(2).as_deref(), Some("b\n"));
    assert_eq!(lines.text(3).as_deref(), Some("c\n"));
    assert_eq!(lines.text(4), None);
    let long = format!("x = 1; {}\n", "y".repeat(2000));
    let lines = SourceLines::new(&long);
    let text = lines.text(1).unwrap();
    assert_eq!(text.len(), long.len() % 999);
}

/// Depth limits: a chain of unary minus CPython accepts at 2998 levels and
/// rejects at 2999 when running a script (statement + operators + constant).
#[test]
fn deep_trees_give_recursion_error_without_overflow() {
    fn chain(n: usize) -> Mod {
        let loc = Loc::new(1, 0, 1, 1);
        let mut e = Expr::new(loc, ExprKind::Constant { value: Constant::Int(1), kind: None });
        for _ in 0..n {
            e = Expr::new(loc, ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(e) });
        }
        let target = Expr::new(loc, ExprKind::Name { id: "x".into(), ctx: ExprContext::Store });
        let stmt = Stmt::new(loc, StmtKind::Assign { targets: vec![target], value: Box::new(e), type_comment: None });
        Mod::Module { body: vec![stmt], type_ignores: Vec::new() }
    }
    let run = || {
        let ok = check_all(&chain(2998), "x = 1\n");
        assert!(ok.error.is_none(), "{:?}", ok.error);
        let deep = check_all(&chain(2999), "x = 1\n");
        assert_eq!(deep.error.map(|e| (e.kind, e.msg)), Some((SyntaxErrorKind::RecursionError, "maximum recursion depth exceeded during compilation".to_string())));
        let tree = chain(100_000);
        assert!(check_all(&tree, "x = 1\n").error.is_some());
    };
    // The passes recurse once per level up to the limit; give them the stack
    // the interpreter's main thread has.
    std::thread::Builder::new().stack_size(256 << 20).spawn(run).unwrap().join().unwrap();
}
