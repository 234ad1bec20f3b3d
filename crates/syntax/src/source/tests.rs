//! Expected values were taken from `python3.11 FILE`.
use super::*;

fn decode(bytes: &[u8]) -> Result<DecodedSource, SyntaxError> {
    decode_file(bytes, "f.py")
}

fn problem(bytes: &[u8]) -> String {
    match decode(bytes) {
        Err(e) => {
            assert_eq!((e.lineno, e.offset, e.text.as_deref()), (0, 0, None));
            e.msg
        }
        Ok(d) => panic!("decoded: {:?}", d),
    }
}

#[test]
fn plain_utf8() {
    let d = decode("x = 'é'\n".as_bytes()).unwrap();
    assert_eq!(d.text, "x = 'é'\n");
    assert_eq!(d.encoding, None);
    assert_eq!(d.error_at_end, None);
    assert!(!d.tokenize_options().columns_as_chars);
}

#[test]
fn bom() {
    let d = decode(b"\xEF\xBB\xBFx = 1\n").unwrap();
    assert_eq!(d.text, "x = 1\n");
    assert_eq!(d.encoding.as_deref(), Some("utf-8"));
    assert!(d.tokenize_options().columns_as_chars);
    assert_eq!(decode(b"\xEF\xBB\xBF# coding: utf-8\nx\n").unwrap().text, "# coding: utf-8\nx\n");
    assert_eq!(problem(b"\xEF\xBB\xBF# coding: latin-1\nx = 1\n"), "encoding problem: iso-8859-1 with BOM");
    assert_eq!(problem(b"\xEF\xBB\xBF#coding: utf8\nx = 1\n"), "encoding problem: utf8 with BOM");
}

#[test]
fn cookies() {
    for line in [
        &b"# -*- coding: latin-1 -*-"[..],
        b"  # coding=latin-1",
        b"#coding:latin-1",
        b"# xcoding: latin-1",
        b"\x0c# coding: latin-1",
        b"# coding:   latin-1",
        b"# coding:\tlatin-1",
        b"# vim: set fileencoding=iso8859-1 :",
        b"# coding: ISO_8859-1",
    ] {
        let src = [line, b"\nx = '\xe9'\n"].concat();
        let d = decode(&src).unwrap_or_else(|e| panic!("{:?}: {:?}", String::from_utf8_lossy(line), e));
        assert_eq!(d.text.lines().nth(1), Some("x = '\u{e9}'"), "{:?}", String::from_utf8_lossy(line));
    }
    // On line 2 after a comment or blank line only.
    assert_eq!(decode(b"#!/usr/bin/python\n# coding: latin-1\nx = '\xe9'\n").unwrap().text.lines().nth(2), Some("x = '\u{e9}'"));
    assert_eq!(decode(b"\n# coding: latin-1\nx = '\xe9'\n").unwrap().encoding.as_deref(), Some("iso-8859-1"));
    let d = decode(b"x = 1\n# coding: latin-1\nx = '\xe9'\n").unwrap();
    assert!(d.error_at_end.unwrap().msg.starts_with("Non-UTF-8 code starting with '\\xe9' in file f.py on line 3"));
    // Not a cookie: a space before the colon.
    let d = decode(b"# coding : latin-1\nx = '\xe9'\n").unwrap();
    assert!(d.error_at_end.is_some());
    // The name as written is the encoding, except utf-8/latin-1 spellings.
    assert_eq!(decode(b"# coding: UTF8\nx\n").unwrap().encoding.as_deref(), Some("UTF8"));
    assert_eq!(decode(b"# coding: UTF_8\nx\n").unwrap().encoding.as_deref(), Some("utf-8"));
    assert_eq!(decode(b"# coding: Latin-1\nx\n").unwrap().encoding.as_deref(), Some("iso-8859-1"));
}

#[test]
fn codecs() {
    let d = decode(b"# coding: cp1252\nx = '\x80'\n").unwrap();
    assert_eq!(d.text, "# coding: cp1252\nx = '\u{20ac}'\n");
    let d = decode(b"# coding: koi8-r\nx = '\xc1'\n").unwrap();
    assert_eq!(d.text.lines().nth(1), Some("x = '\u{430}'"));
    assert_eq!(decode(b"# coding: l1\nx = '\xff'\n").unwrap().text.lines().nth(1), Some("x = '\u{ff}'"));
    assert_eq!(decode(b"# coding: ascii\nx = 1\n").unwrap().text, "# coding: ascii\nx = 1\n");
    for name in ["foobar", "utf-16", "rot13", "hex", "undefined"] {
        assert_eq!(problem(format!("# coding: {}\nx = 1\n", name).as_bytes()), format!("encoding problem: {}", name));
    }
    // Undecodable bytes in the first chunk the codec decodes.
    assert_eq!(problem(b"# coding: ascii\nx = 1\ny = '\xff'\n"), "encoding problem: ascii");
    assert_eq!(problem(b"# coding: cp1252\nprint('\x81')\n"), "encoding problem: cp1252");
}

#[test]
fn codec_error_in_a_later_chunk() {
    let mut src = b"# -*- coding: ascii -*-\n".to_vec();
    for _ in 0..3000 {
        src.extend_from_slice(b"x = 1\n");
    }
    src.extend_from_slice(b"y = \"\xff\"\n");
    let d = decode(&src).unwrap();
    let e = d.error_at_end.unwrap();
    assert_eq!(
        e.msg,
        "(unicode error) 'ascii' codec can't decode byte 0xff in position 1622: ordinal not in range(128)"
    );
    assert_eq!((e.lineno, e.offset, e.end_lineno, e.end_offset, e.text.as_deref()), (2731, 0, 2731, -1, Some("x = 1\n")));
    assert_eq!(d.text.lines().count(), 2731);
}

#[test]
fn non_utf8_without_declaration() {
    let d = decode(b"x = 1\ny = (\nz = \"\xff\"\n").unwrap();
    assert_eq!(d.text, "x = 1\ny = (\n");
    let e = d.error_at_end.unwrap();
    assert_eq!(
        e.msg,
        "Non-UTF-8 code starting with '\\xff' in file f.py on line 3, but no encoding declared; \
         see https://peps.python.org/pep-0263/ for details"
    );
    assert_eq!((e.lineno, e.offset, e.text), (0, 0, None));
    assert!(decode(b"x = 1 # \xff\n").unwrap().error_at_end.is_some());
    assert!(decode_source(b"\xff\n", "g.py").unwrap_err().msg.contains("in file g.py on line 1"));
    // A NUL before the bad byte: the tokenizer refuses that line instead.
    let d = decode(b"x = \"\0\xff\"\n").unwrap();
    assert_eq!((d.text.as_str(), d.error_at_end), ("x = \"\0", None));
}

#[test]
fn cookie_parsing_edges() {
    assert_eq!(coding_spec(b"# coding: utf-8"), Some("utf-8".into()));
    assert_eq!(coding_spec(b"# coding: utf-8-sig"), Some("utf-8".into()));
    assert_eq!(coding_spec(b"x = 1 # coding: latin-1"), None);
    assert_eq!(coding_spec(b"# coding:"), None);
    assert_eq!(coding_spec(b"# coding: =latin-1"), None);
    assert_eq!(coding_spec(b"# coding: coding: latin-1"), Some("coding".into()));
    assert_eq!(normal_name("iso-latin-1-unix".into()), "iso-8859-1");
    assert_eq!(normal_name("utf-8-variant-long".into()), "utf-8");
    assert!(matches!(lookup_codec("ISO8859-15"), Some(Codec::Table(_))));
    assert!(matches!(lookup_codec("latin1"), Some(Codec::Latin1)));
    assert!(matches!(lookup_codec("u8"), Some(Codec::Utf8)));
    assert!(lookup_codec("no-such-codec").is_none());
}

/// `compile(bytes)`: expected values from python3.11.
#[test]
fn compile_bytes() {
    let err = |b: &[u8]| {
        let e = decode_bytes(b).unwrap_err();
        assert_eq!((e.lineno, e.offset, e.text.as_deref()), (0, -1, None));
        e.msg
    };
    assert_eq!(decode_bytes(b"x = 1 # \xff\n").unwrap().text, "x = 1 # \u{fffd}\n");
    assert_eq!(decode_bytes(b"x = 1\n").unwrap().encoding, None);
    assert_eq!(err(b"# coding: foobar\nx=1\n"), "unknown encoding: foobar");
    assert_eq!(
        err(b"# coding: ascii\nx = \"\xff\"\n"),
        "'ascii' codec can't decode byte 0xff in position 21: ordinal not in range(128)"
    );
    assert_eq!(err(b"\xef\xbb\xbf# coding: latin-1\nx=1\n"), "encoding problem: iso-8859-1 with BOM");
    assert_eq!(
        err(b"# coding: rot13\nx=1\n"),
        "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
    );
    let d = decode_bytes(b"# coding: latin-1\nx = \"\xff\"\n").unwrap();
    assert_eq!(d.text, "# coding: latin-1\nx = \"\u{ff}\"\n");
    assert_eq!(d.encoding.as_deref(), Some("iso-8859-1"));
    assert_eq!(decode_bytes(b"#!python\n# coding: cp1252\nx = '\x80'\n").unwrap().text.lines().nth(2), Some("x = '\u{20ac}'"));
    assert_eq!(decode_bytes(b"\xef\xbb\xbfx\n").unwrap().encoding.as_deref(), Some("utf-8"));
    assert!(!decode_bytes(b"x\n").unwrap().tokenize_options().text_from_file);
}
