use super::*;

fn decode(bytes: &[u8]) -> Result<DecodedSource, SyntaxError> {
    decode_file(bytes, "f.py")
}

#[test]
fn plain_utf8() {
    let d = decode("x = 'é'\n".as_bytes()).unwrap();
    assert_eq!(d.text, "x = 'é'\n");
    assert_eq!(d.encoding, None);
    assert_eq!(d.error_at_end, None);
}
