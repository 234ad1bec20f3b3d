//! Annotation strings under `from __future__ import annotations`: the
//! expression printed back as source, with CPython 3.11's limited unparser
//! (`Python/ast_unparse.c`): its precedence-driven parentheses, spacing and
//! constant reprs (infinities spelled `1e309`).

use pyrite_syntax::ast::*;
use pyrite_syntax::pystr::PyStr;

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`: the source text of an annotation.
pub fn annotation_string(e: &Expr) -> PyStr {
    let mut out = Vec::new();
    expr(&mut out, e, PR_TEST);
    let mut s = PyStr::new();
    for cp in out {
        s.push_code_point(cp);
    }
    s
}

type Out = Vec<u32>;

fn push(out: &mut Out, s: &str) {
    out.extend(s.chars().map(|c| c as u32));
}

fn push_if(out: &mut Out, cond: bool, s: &str) {
    if cond {
        push(out, s);
    }
}

fn repr_str(out: &mut Out, cps: &[u32]) {
    let mut s = String::new();
    pyrite_repr::write_str_repr(&mut s, cps.iter().copied());
    push(out, &s);
}

/// `repr()` of a constant, with `inf` replaced by `1e309` in floats and complexes.
fn constant(out: &mut Out, c: &Constant) {
    match c {
        Constant::Tuple(items) => {
            push(out, "(");
            for (i, item) in items.iter().enumerate() {
                push_if(out, i > 0, ", ");
                constant(out, item);
            }
            push_if(out, items.len() == 1, ",");
            push(out, ")");
        }
        Constant::None => push(out, "None"),
        Constant::Bool(true) => push(out, "True"),
        Constant::Bool(false) => push(out, "False"),
        Constant::Ellipsis => push(out, "Ellipsis"),
        Constant::Int(i) => push(out, &i.to_string()),
        Constant::BigInt(b) => push(out, &b.to_string()),
        Constant::Float(f) => {
            let r = pyrite_repr::float_repr(*f);
            push(out, &if f.is_infinite() { r.replace("inf", "1e309") } else { r });
        }
        Constant::Complex { real, imag } => {
            push(out, &pyrite_repr::complex_repr(*real, *imag).replace("inf", "1e309"));
        }
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            repr_str(out, &cps);
        }
        Constant::Bytes(b) => push(out, &pyrite_repr::bytes_repr(b)),
        // Only tuples are written item by item; a frozenset is its plain repr.
        Constant::FrozenSet(_) => push(out, &pyrite_syntax::semantic::consts::repr(c)),
    }
}

fn args(out: &mut Out, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut Out| {
        if !first {
            push(out, ", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len();
    let nargs = a.args.len();
    let ndef = a.defaults.len();
    for (i, arg_) in a.posonlyargs.iter().chain(a.args.iter()).enumerate() {
        sep(out);
        arg(out, arg_);
        let di = i as isize - npos as isize - nargs as isize + ndef as isize;
        if di >= 0 {
            push(out, "=");
            if let Some(d) = a.defaults.get(di as usize) {
                expr(out, d, PR_TEST);
            }
        }
        if npos > 0 && i + 1 == npos {
            push(out, ", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        push(out, "*");
        if let Some(v) = &a.vararg {
            arg(out, v);
        }
    }
    let nkw = a.kwonlyargs.len();
    let nkwdef = a.kw_defaults.len();
    for (i, arg_) in a.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, arg_);
        let di = i as isize - nkw as isize + nkwdef as isize;
        if di >= 0 {
            if let Some(Some(d)) = a.kw_defaults.get(di as usize) {
                push(out, "=");
                expr(out, d, PR_TEST);
            }
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        push(out, "**");
        arg(out, k);
    }
}

fn arg(out: &mut Out, a: &Arg) {
    push(out, &a.arg);
    if let Some(ann) = &a.annotation {
        push(out, ": ");
        expr(out, ann, PR_TEST);
    }
}

fn comprehensions(out: &mut Out, gens: &[Comprehension]) {
    for g in gens {
        push(out, if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, PR_TUPLE);
        push(out, " in ");
        expr(out, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            push(out, " if ");
            expr(out, cond, PR_TEST + 1);
        }
    }
}

fn fstring_element(out: &mut Out, e: &Expr, is_format_spec: bool) {
    match &e.kind {
        ExprKind::Constant { value: Constant::Str(s), .. } => {
            for cp in s.code_points() {
                out.push(cp);
                if cp == '{' as u32 || cp == '}' as u32 {
                    out.push(cp);
                }
            }
        }
        ExprKind::JoinedStr { values } => joinedstr(out, values, is_format_spec),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        _ => {}
    }
}

fn joinedstr(out: &mut Out, values: &[Expr], is_format_spec: bool) {
    let mut body = Vec::new();
    for v in values {
        fstring_element(&mut body, v, is_format_spec);
    }
    if is_format_spec {
        out.extend(body);
    } else {
        push(out, "f");
        repr_str(out, &body);
    }
}

fn formatted_value(out: &mut Out, e: &Expr) {
    let ExprKind::FormattedValue { value, conversion, format_spec } = &e.kind else { return };
    let mut inner = Vec::new();
    expr(&mut inner, value, PR_TEST + 1);
    push(out, if inner.first() == Some(&('{' as u32)) { "{ " } else { "{" });
    out.extend(inner);
    if *conversion > 0 {
        match char::from_u32(*conversion as u32) {
            Some('a') => push(out, "!a"),
            Some('r') => push(out, "!r"),
            Some('s') => push(out, "!s"),
            _ => {}
        }
    }
    if let Some(spec) = format_spec {
        push(out, ":");
        fstring_element(out, spec, true);
    }
    push(out, "}");
}

fn expr(out: &mut Out, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (sep, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            push_if(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                push_if(out, i > 0, sep);
                expr(out, v, pr + 1);
            }
            push_if(out, level > pr, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, pr) = match op {
                Operator::Add => (" + ", PR_ARITH),
                Operator::Sub => (" - ", PR_ARITH),
                Operator::Mult => (" * ", PR_TERM),
                Operator::MatMult => (" @ ", PR_TERM),
                Operator::Div => (" / ", PR_TERM),
                Operator::Mod => (" % ", PR_TERM),
                Operator::LShift => (" << ", PR_SHIFT),
                Operator::RShift => (" >> ", PR_SHIFT),
                Operator::BitOr => (" | ", PR_BOR),
                Operator::BitXor => (" ^ ", PR_BXOR),
                Operator::BitAnd => (" & ", PR_BAND),
                Operator::FloorDiv => (" // ", PR_TERM),
                Operator::Pow => (" ** ", PR_POWER),
            };
            let rassoc = *op == Operator::Pow;
            push_if(out, level > pr, "(");
            expr(out, left, pr + rassoc as u8);
            push(out, sym);
            expr(out, right, pr + !rassoc as u8);
            push_if(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            push_if(out, level > pr, "(");
            push(out, sym);
            expr(out, operand, pr);
            push_if(out, level > pr, ")");
        }
        ExprKind::Lambda { args: a, body } => {
            push_if(out, level > PR_TEST, "(");
            let npos = a.args.len() + a.posonlyargs.len();
            push(out, if npos > 0 { "lambda " } else { "lambda" });
            args(out, a);
            push(out, ": ");
            expr(out, body, PR_TEST);
            push_if(out, level > PR_TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            push_if(out, level > PR_TEST, "(");
            expr(out, body, PR_TEST + 1);
            push(out, " if ");
            expr(out, test, PR_TEST + 1);
            push(out, " else ");
            expr(out, orelse, PR_TEST);
            push_if(out, level > PR_TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            push(out, "{");
            for (i, v) in values.iter().enumerate() {
                push_if(out, i > 0, ", ");
                match keys.get(i) {
                    Some(Some(k)) => {
                        expr(out, k, PR_TEST);
                        push(out, ": ");
                        expr(out, v, PR_TEST);
                    }
                    _ => {
                        push(out, "**");
                        expr(out, v, PR_EXPR);
                    }
                }
            }
            push(out, "}");
        }
        ExprKind::Set { elts } => {
            push(out, "{");
            for (i, v) in elts.iter().enumerate() {
                push_if(out, i > 0, ", ");
                expr(out, v, PR_TEST);
            }
            push(out, "}");
        }
        ExprKind::GeneratorExp { elt, generators } => {
            push(out, "(");
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            push(out, ")");
        }
        ExprKind::ListComp { elt, generators } => {
            push(out, "[");
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            push(out, "]");
        }
        ExprKind::SetComp { elt, generators } => {
            push(out, "{");
            expr(out, elt, PR_TEST);
            comprehensions(out, generators);
            push(out, "}");
        }
        ExprKind::DictComp { key, value, generators } => {
            push(out, "{");
            expr(out, key, PR_TEST);
            push(out, ": ");
            expr(out, value, PR_TEST);
            comprehensions(out, generators);
            push(out, "}");
        }
        ExprKind::Yield { value } => match value {
            None => push(out, "(yield)"),
            Some(v) => {
                push(out, "(yield ");
                expr(out, v, PR_TEST);
                push(out, ")");
            }
        },
        ExprKind::YieldFrom { value } => {
            push(out, "(yield from ");
            expr(out, value, PR_TEST);
            push(out, ")");
        }
        ExprKind::Await { value } => {
            push_if(out, level > PR_AWAIT, "(");
            push(out, "await ");
            expr(out, value, PR_ATOM);
            push_if(out, level > PR_AWAIT, ")");
        }
        ExprKind::Compare { left, ops, comparators } => {
            push_if(out, level > PR_CMP, "(");
            expr(out, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators.iter()) {
                push(
                    out,
                    match op {
                        CmpOp::Eq => " == ",
                        CmpOp::NotEq => " != ",
                        CmpOp::Lt => " < ",
                        CmpOp::LtE => " <= ",
                        CmpOp::Gt => " > ",
                        CmpOp::GtE => " >= ",
                        CmpOp::Is => " is ",
                        CmpOp::IsNot => " is not ",
                        CmpOp::In => " in ",
                        CmpOp::NotIn => " not in ",
                    },
                );
                expr(out, c, PR_CMP + 1);
            }
            push_if(out, level > PR_CMP, ")");
        }
        ExprKind::Call { func, args: a, keywords } => {
            expr(out, func, PR_ATOM);
            if a.len() == 1 && keywords.is_empty() {
                if let ExprKind::GeneratorExp { .. } = &a[0].kind {
                    expr(out, &a[0], PR_TEST);
                    return;
                }
            }
            push(out, "(");
            let mut first = true;
            for v in a {
                push_if(out, !first, ", ");
                first = false;
                expr(out, v, PR_TEST);
            }
            for k in keywords {
                push_if(out, !first, ", ");
                first = false;
                match &k.arg {
                    None => push(out, "**"),
                    Some(name) => {
                        push(out, name);
                        push(out, "=");
                    }
                }
                expr(out, &k.value, PR_TEST);
            }
            push(out, ")");
        }
        ExprKind::Constant { value, kind } => {
            if matches!(value, Constant::Ellipsis) {
                push(out, "...");
                return;
            }
            if let Some(k) = kind {
                push(out, k);
            }
            constant(out, value);
        }
        ExprKind::JoinedStr { values } => joinedstr(out, values, false),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, PR_ATOM);
            let int_const = matches!(value.kind, ExprKind::Constant { value: Constant::Int(_) | Constant::BigInt(_), .. });
            push(out, if int_const { " ." } else { "." });
            push(out, attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, PR_ATOM);
            push(out, "[");
            expr(out, slice, PR_TUPLE);
            push(out, "]");
        }
        ExprKind::Starred { value, .. } => {
            push(out, "*");
            expr(out, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, PR_TEST);
            }
            push(out, ":");
            if let Some(u) = upper {
                expr(out, u, PR_TEST);
            }
            if let Some(s) = step {
                push(out, ":");
                expr(out, s, PR_TEST);
            }
        }
        ExprKind::Name { id, .. } => push(out, id),
        ExprKind::List { elts, .. } => {
            push(out, "[");
            for (i, v) in elts.iter().enumerate() {
                push_if(out, i > 0, ", ");
                expr(out, v, PR_TEST);
            }
            push(out, "]");
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                push(out, "()");
                return;
            }
            push_if(out, level > PR_TUPLE, "(");
            for (i, v) in elts.iter().enumerate() {
                push_if(out, i > 0, ", ");
                expr(out, v, PR_TEST);
            }
            push_if(out, elts.len() == 1, ",");
            push_if(out, level > PR_TUPLE, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            push_if(out, level > PR_TUPLE, "(");
            expr(out, target, PR_ATOM);
            push(out, " := ");
            expr(out, value, PR_ATOM);
            push_if(out, level > PR_TUPLE, ")");
        }
    }
}
