//! Expected values were taken from python3.11 (`compile(src, 'f', 'exec')`
//! SyntaxError attributes, `ast` positions, `tokenize`).
use super::*;
use crate::token::Keyword as K;
use crate::token::TokenKind as T;

fn kinds(src: &str) -> Vec<TokenKind> {
    let t = tokenize(src);
    assert!(t.error.is_none(), "{:?}", t.error);
    t.tokens.iter().map(|t| t.kind).collect()
}

/// (kind, lineno, col, end_lineno, end_col) of every token.
fn positions(src: &str) -> Vec<(TokenKind, u32, u32, u32, u32)> {
    tokenize(src).tokens.iter().map(|t| (t.kind, t.lineno, t.col, t.end_lineno, t.end_col)).collect()
}

fn texts(src: &str) -> Vec<&str> {
    tokenize(src).tokens.iter().map(|t| &src[t.start as usize..t.end as usize]).collect()
}

/// The error as (kind name, msg, lineno, offset, end_lineno, end_offset, text).
fn error(src: &str) -> (&'static str, String, u32, i64, u32, i64, String) {
    let t = tokenize(src);
    let e = t.error.unwrap_or_else(|| panic!("no error for {:?}", src));
    (e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text.unwrap_or_default())
}

fn err_msg(src: &str) -> String {
    error(src).1
}

#[test]
fn simple_statement() {
    assert_eq!(
        positions("x = 1\n"),
        vec![
            (T::Name, 1, 0, 1, 1),
            (T::Equal, 1, 2, 1, 3),
            (T::Number, 1, 4, 1, 5),
            (T::Newline, 1, 5, 1, 5),
            (T::EndMarker, 1, 6, 1, 6),
        ]
    );
}

#[test]
fn missing_final_newline_is_implied() {
    let t = tokenize("x");
    let nl = t.tokens[1];
    assert_eq!((nl.kind, nl.lineno, nl.col, nl.start, nl.end), (T::Newline, 1, 1, 1, 1));
    assert_eq!(t.tokens[2].kind, T::EndMarker);
}

#[test]
fn every_operator() {
    let src = "( ) [ ] : , ; + - * / | & < > = . % { } == != <> <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= \
               <<= >>= **= // //= @ @= -> ... :=\n";
    let expected = vec![
        T::Lpar, T::Rpar, T::Lsqb, T::Rsqb, T::Colon, T::Comma, T::Semi, T::Plus, T::Minus, T::Star,
        T::Slash, T::Vbar, T::Amper, T::Less, T::Greater, T::Equal, T::Dot, T::Percent, T::Lbrace,
        T::Rbrace, T::EqEqual, T::NotEqual, T::NotEqual, T::LessEqual, T::GreaterEqual, T::Tilde,
        T::Circumflex, T::LeftShift, T::RightShift, T::DoubleStar, T::PlusEqual, T::MinEqual,
        T::StarEqual, T::SlashEqual, T::PercentEqual, T::AmperEqual, T::VbarEqual, T::CircumflexEqual,
        T::LeftShiftEqual, T::RightShiftEqual, T::DoubleStarEqual, T::DoubleSlash, T::DoubleSlashEqual,
        T::At, T::AtEqual, T::Rarrow, T::Ellipsis, T::ColonEqual, T::Newline, T::EndMarker,
    ];
    assert_eq!(kinds(src), expected);
    // Longest match without spaces; `..` is two dots.
    assert_eq!(texts("a**=b..c...d\n")[..9].to_vec(), vec!["a", "**=", "b", ".", ".", "c", "...", "d", ""]);
}

#[test]
fn unknown_characters_are_error_tokens() {
    assert_eq!(kinds("$ ? ! `\n")[..4].to_vec(), vec![T::ErrorToken; 4]);
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(
        kinds("if async await match case _ None True False\n")[..9].to_vec(),
        vec![
            T::Keyword(K::If),
            T::Keyword(K::Async),
            T::Keyword(K::Await),
            T::Name,
            T::Name,
            T::Name,
            T::Keyword(K::None),
            T::Keyword(K::True),
            T::Keyword(K::False),
        ]
    );
}

#[test]
fn numbers() {
    let src = "0 00 0_0 1_000 0x_1f 0XAb 0o17 0O_7 0b1_0 0B1 1. .5 1.5 1e5 1E-5 1.e+5 1_0.0_1e1_0 \
               1j 1.5J 0j 00.5 09.5 09e1 09j 0e0\n";
    let t = tokenize(src);
    assert!(t.error.is_none(), "{:?}", t.error);
    let nums: Vec<&str> = t
        .tokens
        .iter()
        .filter(|t| t.kind == T::Number)
        .map(|t| &src[t.start as usize..t.end as usize])
        .collect();
    assert_eq!(nums, src.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn number_errors() {
    assert_eq!(error("x = 1_\n"), ("SyntaxError", "invalid decimal literal".into(), 1, 6, 1, 6, "x = 1_".into()));
    assert_eq!(err_msg("x = 0x\n"), "invalid hexadecimal literal");
    assert_eq!(err_msg("x = 0x1g\n"), "invalid hexadecimal literal");
    assert_eq!(error("x = 0o8\n").3, 7);
    assert_eq!(err_msg("x = 0o8\n"), "invalid digit '8' in octal literal");
    assert_eq!(err_msg("x = 0o\n"), "invalid octal literal");
    assert_eq!(err_msg("x = 0b12\n"), "invalid digit '2' in binary literal");
    assert_eq!(err_msg("x = 0b\n"), "invalid binary literal");
    assert_eq!(err_msg("x = 1e\n"), "invalid decimal literal");
    assert_eq!(err_msg("x = 1e+\n"), "invalid decimal literal");
    assert_eq!(err_msg("x = 1._5\n"), "invalid decimal literal");
    assert_eq!(err_msg("x = 1jx\n"), "invalid imaginary literal");
    assert_eq!(err_msg("x = 1abc\n"), "invalid decimal literal");
    let leading = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
    assert_eq!(error("x = 012\n"), ("SyntaxError", leading.into(), 1, 5, 1, 6, "x = 012".into()));
    // Byte columns, not characters.
    assert_eq!(error("é = 00_9\n").2..error("é = 00_9\n").3 as u32, 1..6);
    assert_eq!(error("é = 00_9\n").5, 9);
}

#[test]
fn number_followed_by_keyword_warns() {
    for (src, kind) in [
        ("x = 1if y else 2\n", "decimal"),
        ("x = [1for x in y]\n", "decimal"),
        ("x = 0x1for\n", "hexadecimal"),
        ("x = 0b1or 2\n", "binary"),
        ("x = 0o7and 2\n", "octal"),
        ("x = 1jif 1 else 2\n", "imaginary"),
        ("x = 1.0not in y\n", "decimal"),
        ("x = 1 if 1else 2\n", "decimal"),
    ] {
        let t = tokenize(src);
        assert!(t.error.is_none(), "{}", src);
        assert_eq!(t.warnings.len(), 1, "{}", src);
        assert_eq!(t.warnings[0].msg, format!("invalid {} literal", kind));
        assert_eq!(t.warnings[0].category, WarningCategory::SyntaxWarning);
        let site = &t.warning_sites[0];
        assert_eq!(t.tokens[site.token_index].kind, T::Number);
    }
    let t = tokenize("x = 1if y else 2\n");
    assert_eq!(texts("x = 1if y else 2\n")[2..4].to_vec(), vec!["1", "if"]);
    assert_eq!(t.warning_sites[0].error.offset, 5);
}

#[test]
fn strings_are_single_tokens() {
    let src = "a = b'x' Rb\"y\" rB'z' f'{x}' Fr\"\" rf'' u'' U\"\" '''t\nu''' \"\"\"\"\"\" 'a\\'b' br''\n";
    let t = tokenize(src);
    assert!(t.error.is_none());
    let strings: Vec<&str> = t
        .tokens
        .iter()
        .filter(|t| t.kind == T::String)
        .map(|t| &src[t.start as usize..t.end as usize])
        .collect();
    assert_eq!(
        strings,
        vec![
            "b'x'", "Rb\"y\"", "rB'z'", "f'{x}'", "Fr\"\"", "rf''", "u''", "U\"\"", "'''t\nu'''", "\"\"\"\"\"\"",
            "'a\\'b'", "br''"
        ]
    );
    // Invalid prefixes are names followed by strings.
    assert_eq!(kinds("ur'' bu'' fb''\n")[..6].to_vec(), vec![T::Name, T::String, T::Name, T::String, T::Name, T::String]);
}

#[test]
fn multi_line_string_positions() {
    let p = positions("x = '''a\nbc''' + 1\n");
    assert_eq!(p[2], (T::String, 1, 4, 2, 5));
    assert_eq!(p[3], (T::Plus, 2, 6, 2, 7));
}

#[test]
fn string_errors() {
    assert_eq!(
        error("x = \"abc\n"),
        ("SyntaxError", "unterminated string literal (detected at line 1)".into(), 1, 5, 1, 5, "x = \"abc".into())
    );
    assert_eq!(
        error("x = \"\"\"abc\n\n"),
        (
            "SyntaxError",
            "unterminated triple-quoted string literal (detected at line 2)".into(),
            1,
            5,
            1,
            5,
            "x = \"\"\"abc".into()
        )
    );
    assert_eq!(error("x = 'a\\\nb\n").1, "unterminated string literal (detected at line 2)");
    assert_eq!(error("x = 'a\\\nb\n").2, 1);
    assert_eq!(err_msg("x = '''a''' '''\n"), "unterminated triple-quoted string literal (detected at line 1)");
    assert!(tokenize("x = 'abc\n").error_raised_by_tokenizer);
}

#[test]
fn comments_and_blank_lines_make_no_tokens() {
    assert_eq!(
        kinds("# c\n\n   \n  # d\nx = 1 # e\n\n"),
        vec![T::Name, T::Equal, T::Number, T::Newline, T::EndMarker]
    );
    // NEWLINE after a comment starts at the '#'.
    assert_eq!(positions("x # c\n")[1], (T::Newline, 1, 2, 1, 5));
}

#[test]
fn indentation() {
    assert_eq!(
        kinds("if x:\n    y\n    if z:\n        w\nv\n"),
        vec![
            T::Keyword(K::If),
            T::Name,
            T::Colon,
            T::Newline,
            T::Indent,
            T::Name,
            T::Newline,
            T::Keyword(K::If),
            T::Name,
            T::Colon,
            T::Newline,
            T::Indent,
            T::Name,
            T::Newline,
            T::Dedent,
            T::Dedent,
            T::Name,
            T::Newline,
            T::EndMarker,
        ]
    );
    // Dedents at the end come before ENDMARKER, on the last line.
    let t = tokenize("if x:\n  y\n");
    let n = t.tokens.len();
    assert_eq!(t.tokens[n - 2].kind, T::Dedent);
    assert_eq!(t.tokens[n - 2].lineno, 2);
    // A form feed resets the column.
    assert_eq!(kinds("if x:\n  y\n\x0cz\n")[7], T::Dedent);
}

#[test]
fn indentation_errors() {
    assert_eq!(
        error("if x:\n  a\n b\n"),
        (
            "IndentationError",
            "unindent does not match any outer indentation level".into(),
            3,
            3,
            3,
            -1,
            " b\n".into()
        )
    );
    assert_eq!(
        error("if x:\n\tb\n        c\n"),
        ("TabError", "inconsistent use of tabs and spaces in indentation".into(), 3, 1, 3, 0, "        c\n".into())
    );
    assert_eq!(err_msg("if x:\n        a\n\tb\n"), "inconsistent use of tabs and spaces in indentation");
    assert_eq!(err_msg("if x:\n \ta\n\t b\n"), "inconsistent use of tabs and spaces in indentation");
    let deep: String = (0..100).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(100) + "pass\n";
    let e = error(&deep);
    assert_eq!((e.0, e.1.as_str(), e.2), ("IndentationError", "too many levels of indentation", 101));
    let ok: String = (0..99).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(99) + "pass\n";
    assert!(tokenize(&ok).error.is_none());
    assert!(!tokenize("if x:\n  a\n b\n").error_raised_by_tokenizer);
}

#[test]
fn brackets() {
    // No NEWLINE or INDENT inside brackets.
    assert_eq!(
        kinds("x = (1,\n      2)\n"),
        vec![T::Name, T::Equal, T::Lpar, T::Number, T::Comma, T::Number, T::Rpar, T::Newline, T::EndMarker]
    );
    assert_eq!(error("x = )\n"), ("SyntaxError", "unmatched ')'".into(), 1, 5, 1, 5, "x = )".into()));
    assert_eq!(err_msg("x = (]\n"), "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(
        error("x = (\n]\n"),
        (
            "SyntaxError",
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(),
            2,
            1,
            2,
            1,
            "]".into()
        )
    );
    assert_eq!(err_msg(&format!("x = {}\n", "(".repeat(201))), "too many nested parentheses");
    assert_eq!(error(&format!("x = {}\n", "(".repeat(201))).3, 205);
}

#[test]
fn end_of_input_inside_brackets() {
    let t = tokenize("x = (1,\n  [2,\n");
    assert!(t.error.is_none());
    assert_ne!(t.tokens.last().map(|t| t.kind), Some(T::EndMarker));
    assert_eq!(
        t.open_brackets_at_eof,
        vec![OpenBracket { ch: '(', lineno: 1, col: 4 }, OpenBracket { ch: '[', lineno: 2, col: 2 }]
    );
    // A backslash at the end inside brackets is the same case.
    let t = tokenize("x = (1 + \\");
    assert!(t.error.is_none());
    assert_eq!(t.open_brackets_at_eof.len(), 1);
}

#[test]
fn line_continuation() {
    assert_eq!(kinds("x = 1 + \\\n  2\n"), vec![T::Name, T::Equal, T::Number, T::Plus, T::Number, T::Newline, T::EndMarker]);
    assert_eq!(
        error("x = 1 + \\ 2\n"),
        (
            "SyntaxError",
            "unexpected character after line continuation character".into(),
            1,
            10,
            1,
            0,
            "x = 1 + \\ 2\n".into()
        )
    );
    // The buffer text spans the lines joined by a continuation.
    assert_eq!(
        error("x = 1 + \\\n  2 + \\ 3\n"),
        (
            "SyntaxError",
            "unexpected character after line continuation character".into(),
            2,
            18,
            2,
            0,
            "x = 1 + \\\n  2 + \\ 3\n".into()
        )
    );
    assert_eq!(
        error("x = 1 + \\"),
        ("SyntaxError", "unexpected EOF while parsing".into(), 1, 10, 1, -1, "x = 1 + \\\n".into())
    );
    assert!(!tokenize("x = 1 + \\").error_raised_by_tokenizer);
}

#[test]
fn identifiers() {
    let src = "ñandú = 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 + ﬁ\n";
    let t = tokenize(src);
    assert!(t.error.is_none());
    assert_eq!(t.tokens[0].end_col, 7);
    assert_eq!(identifier_text(src, &t.tokens[0]), "ñandú");
    assert_eq!(identifier_text(src, &t.tokens[2]), "Unicode");
    assert_eq!(identifier_text(src, &t.tokens[4]), "fi");
    let ascii = tokenize("abc\n");
    assert!(matches!(identifier_text("abc\n", &ascii.tokens[0]), Cow::Borrowed("abc")));
    assert_eq!(
        error("x = €\n"),
        ("SyntaxError", "invalid character '€' (U+20AC)".into(), 1, 5, 1, 5, "x = €".into())
    );
    assert_eq!(error("x = a€b\n").3, 6);
    assert_eq!(
        error("x = a\u{a0}\n"),
        ("SyntaxError", "invalid non-printable character U+00A0".into(), 1, 6, 1, 6, "x = a\u{a0}".into())
    );
    assert_eq!(err_msg("x\x0b = 1\n"), "invalid non-printable character U+000B");
    assert_eq!(err_msg("x = 1\n\x01\n"), "invalid non-printable character U+0001");
}

#[test]
fn line_endings() {
    let src = "if x:\r\n  y = '''a\r\nb'''\r\nz\rw\n";
    let t = tokenize(src);
    assert!(t.error.is_none());
    let texts: Vec<&str> = t.tokens.iter().map(|t| &src[t.start as usize..t.end as usize]).collect();
    assert_eq!(
        texts,
        vec!["if", "x", ":", "", "", "y", "=", "'''a\r\nb'''", "", "", "z", "", "w", "", ""]
    );
    assert_eq!(t.tokens[7].end_lineno, 3);
    assert_eq!(token_text(src, &t.tokens[7]), "'''a\nb'''");
    assert_eq!(t.tokens[7].end_col, 4);
    // Lines of error texts end in "\n".
    assert_eq!(error("if x:\r\n  a\r\n b\r\n").6, " b\n");
}

#[test]
fn null_bytes() {
    let t = tokenize("x = 1\ny = 2\0 + 3\n");
    assert_eq!(t.tokens.len(), 4);
    assert_eq!(
        error("x = 1\ny = 2\0 + 3\n"),
        ("SyntaxError", "source code cannot contain null bytes".into(), 2, 0, 2, 0, "y = 2".into())
    );
}

#[test]
fn decode_error_at_end_wins_over_end_of_input() {
    let options = TokenizeOptions {
        error_at_end: Some(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "bad".into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }),
        ..TokenizeOptions::default()
    };
    let t = tokenize_with("if x:\n  y = (1,\n", &options);
    assert_eq!(t.error.map(|e| e.msg), Some("bad".into()));
    assert!(t.error_raised_by_tokenizer);
    // An earlier tokenizer error comes first.
    let t = tokenize_with("x = 1_\n", &options);
    assert_eq!(t.error.map(|e| e.msg), Some("invalid decimal literal".into()));
}

#[test]
fn file_mode_differences() {
    let options = TokenizeOptions { text_from_file: true, columns_as_chars: false, ..TokenizeOptions::default() };
    // Texts come from the file, columns stay in bytes without an encoding.
    let t = tokenize_with("é = 1 + \\", &options);
    let e = t.error.unwrap();
    assert_eq!((e.offset, e.end_offset, e.text.as_deref()), (11, -1, Some("é = 1 + \\")));
    // At the end of input the file tokenizer's buffer is empty.
    let t = tokenize_with("if x:\n", &options);
    assert_eq!(t.tokens.last().map(|t| (t.kind, t.col)), Some((T::EndMarker, 0)));
}

#[test]
fn error_text_helper() {
    let src = "x = = 1\ny = 2\n";
    let t = tokenize(src);
    assert_eq!(t.error_text(src, 1, 1), "x = = 1\n");
    assert_eq!(t.error_text(src, 2, 1), "x = = 1");
    let src = "x = '''a\nb''' = 1\n";
    let t = tokenize(src);
    assert_eq!(t.buffer_first_line, vec![0, 1, 1]);
    assert_eq!(t.error_text(src, 2, 2), src);
}

#[test]
fn eval_input_gets_no_newline() {
    let options = TokenizeOptions { exec_input: false, ..TokenizeOptions::default() };
    let t = tokenize_with("1 + 2", &options);
    let kinds: Vec<TokenKind> = t.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, vec![T::Number, T::Plus, T::Number, T::EndMarker]);
}

#[test]
fn no_panic_on_odd_input() {
    for src in ["", "\\", "'", "\"\"\"", "(", ")", "0", "0x", "1e", "\t", "\x0c", "\r", "\r\n", "#", "é", "\0", "\\\r", "1if", "0b1_", "`"] {
        let _ = tokenize(src);
        let _ = tokenize_with(src, &TokenizeOptions { exec_input: false, ..TokenizeOptions::default() });
    }
}
