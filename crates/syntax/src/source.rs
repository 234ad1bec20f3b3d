//! Source decoding: UTF-8 BOM, PEP 263 encoding declarations, and the
//! SyntaxErrors CPython gives for undecodable source.
use crate::error::SyntaxError;

/// Decodes a source file's bytes to text as CPython's tokenizer does.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let _ = (bytes, filename);
    unimplemented!("source decoding")
}
