//! Parser unit tests. Expected values were taken from python3.11 (3.11.7);
//! tools/parser_check.py compares whole files against it.
use super::*;
use crate::ast::{ExprKind, StmtKind};
use crate::error::SyntaxErrorKind;

/// Runs `f` on a thread with the stack the binary gives the front end.
fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).unwrap().join().unwrap()
}

fn error(src: &'static str, mode: Mode) -> SyntaxError {
    run(move || match parse(src, mode) {
        Ok(_) => panic!("{:?} parsed", src),
        Err(e) => e,
    })
}

/// (message, lineno, offset, end_lineno, end_offset) of an exec-mode error.
fn err_tuple(src: &'static str) -> (String, u32, i64, u32, i64) {
    let e = error(src, Mode::Exec);
    (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
}

#[test]
fn parses_simple_module() {
    let r = run(|| parse("x = 1\n", Mode::Exec).map(|p| p.module));
    assert!(matches!(r, Ok(Mod::Module { ref body, .. }) if body.len() == 1));
}

#[test]
fn node_positions_follow_pegen() {
    let module = run(|| parse("if x:\n    y = a.b(c)[1]  # c\n", Mode::Exec).unwrap().module);
    let Mod::Module { body, .. } = module else { panic!() };
    let stmt = &body[0];
    // The If ends at its last statement, not at the NEWLINE/DEDENT.
    assert_eq!((stmt.loc.lineno, stmt.loc.col_offset, stmt.loc.end_lineno, stmt.loc.end_col_offset), (1, 0, 2, 17));
    let StmtKind::If { body, .. } = &stmt.kind else { panic!() };
    let StmtKind::Assign { value, targets, .. } = &body[0].kind else { panic!() };
    assert_eq!((value.loc.col_offset, value.loc.end_col_offset), (8, 17));
    assert!(matches!(targets[0].kind, ExprKind::Name { ctx: crate::ast::ExprContext::Store, .. }));
}

#[test]
fn decorated_definitions_start_at_def() {
    let module = run(|| parse("@d\ndef f(): pass\n", Mode::Exec).unwrap().module);
    let Mod::Module { body, .. } = module else { panic!() };
    assert_eq!((body[0].loc.lineno, body[0].loc.col_offset), (2, 0));
}

#[test]
fn generic_and_specific_errors() {
    let cases: &[(&'static str, (&str, u32, i64, u32, i64))] = &[
        ("f(a b)", ("invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6)),
        ("x = 1 +\n", ("invalid syntax", 1, 8, 1, 8)),
        ("a b c", ("invalid syntax", 1, 3, 1, 4)),
        ("1 if 2", ("expected 'else' after 'if' expression", 1, 1, 1, 7)),
        ("print \"hello\"", ("Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14)),
        ("f(**a, *b)", ("iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9)),
        ("x = [1, 2 3]", ("invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12)),
        ("try:\n  pass\nexcept a, b:\n  pass\n", ("multiple exception types must be parenthesized", 3, 8, 3, 12)),
        ("{1: 2, 3 4}", ("':' expected after dictionary key", 1, 8, 1, 0)),
        ("f(x for x in y, 1)", ("Generator expression must be parenthesized", 1, 3, 1, 15)),
        ("def f(a=1, b): pass", ("non-default argument follows default argument", 1, 12, 1, 13)),
        ("x = (1,\n", ("'(' was never closed", 1, 5, 1, 0)),
        ("(a, b) += 1", ("'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7)),
        ("del f()", ("cannot delete function call", 1, 5, 1, 8)),
        ("for 1 in x: pass", ("cannot assign to literal", 1, 5, 1, 6)),
        ("if x = 1: pass", ("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9)),
        ("def f(:\n  pass\n", ("invalid syntax", 1, 7, 1, 8)),
        ("match x:\n case 1 as _: pass\n", ("cannot use '_' as a target", 2, 12, 2, 13)),
        // pegen's SOFT_KEYWORD matches any prefix of a soft keyword (strncmp).
        ("f(ma d)", ("invalid syntax", 1, 6, 1, 7)),
        ("f(mb d)", ("invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 7)),
        ("with(0,,):\n\x01", ("invalid non-printable character U+0001", 2, 1, 2, 1)),
    ];
    for (src, (msg, l, o, el, eo)) in cases {
        assert_eq!(err_tuple(src), (msg.to_string(), *l, *o, *el, *eo), "{:?}", src);
    }
}

#[test]
fn indentation_errors() {
    let e = error(" x=1\n", Mode::Exec);
    assert_eq!((e.kind, e.msg.as_str(), e.lineno, e.offset, e.end_offset), (SyntaxErrorKind::IndentationError, "unexpected indent", 1, 1, -1));
    let e = error("if x:\n", Mode::Exec);
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.msg, "expected an indented block after 'if' statement on line 1");
    assert_eq!((e.lineno, e.offset, e.end_offset), (1, 6, -1));
}

#[test]
fn error_text_is_the_tokenizer_buffer() {
    let e = error("x = 1 + \\\n  2 +\\\n  3 4", Mode::Exec);
    assert_eq!(e.text.as_deref(), Some("x = 1 + \\\n  2 +\\\n  3 4\n"));
    // An earlier line than the tokenizer's comes without its newline.
    let e = error("x = (1, 2\ny = 3\n", Mode::Exec);
    assert_eq!(e.text.as_deref(), Some("x = (1, 2"));
}

#[test]
fn modes() {
    assert!(run(|| parse("1 + 2", Mode::Eval).is_ok()));
    assert!(run(|| parse("def f():\n  return 1", Mode::Single).is_ok()));
    let e = error("x = 1\ny = 2\n", Mode::Single);
    assert_eq!(e.msg, "multiple statements found while compiling a single statement");
    let e = error("x + ", Mode::Eval);
    assert_eq!((e.msg.as_str(), e.offset, e.end_offset), ("invalid syntax", 0, 0));
}

#[test]
fn deep_input_gives_memory_error_not_a_crash() {
    for src in ["-".repeat(300_000) + "1", "not ".repeat(20_000) + "1", "lambda:".repeat(20_000) + "1"] {
        let e = run(move || parse(&src, Mode::Eval).unwrap_err());
        assert_eq!(e.kind, SyntaxErrorKind::MemoryError);
    }
    // The boundary is pegen's: 5970 minus signs fail in a module, 5969 do not.
    let ok = run(|| parse(&("-".repeat(5969) + "1\n"), Mode::Exec).is_ok());
    assert!(ok);
    let e = run(|| parse(&("-".repeat(5970) + "1\n"), Mode::Exec).unwrap_err());
    assert_eq!(e.kind, SyntaxErrorKind::MemoryError);
}

#[test]
fn long_flat_input_is_linear() {
    // A left-recursive rule grows its seed in a loop: no copying, no recursion.
    let src = "1".to_string() + &"+1".repeat(200_000);
    run(move || {
        let module = parse(&src, Mode::Eval).unwrap().module;
        assert!(matches!(module, Mod::Expression { .. }));
    });
}

#[test]
fn garbage_never_panics() {
    // Token soups built from a small alphabet: every one must parse or fail cleanly.
    let pieces = [
        "(", ")", "[", "]", "{", "}", ":", ",", "=", "if", "else", "for", "in", "*", "**", "lambda", "def", "class", "not", ".",
        "@", "yield", "await", "async", "with", "as", "from", "import", "1", "x", "'s'", "f'{x}'", "+=", "->", ":=", "return",
        "match", "case", "_", ";", "del", "try", "except", "\n", "\n  ", "\\\n", "|", "/", "global", "print", "0x", "é",
    ];
    run(move || {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut src = String::new();
            let len = (seed % 14) as usize + 1;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                src.push(' ');
            }
            for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
                let _ = parse(&src, mode);
            }
        }
    });
}
