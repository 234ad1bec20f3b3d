//! A well-formedness-checking XML 1.0 parser with expat's event model, for
//! `pyexpat`: incremental input (any chunking), encodings, namespaces,
//! an internal DTD subset (entities, attribute defaults, element models),
//! and expat's error codes and positions.
//!
//! The parser never calls Python itself: it reports events to a [`Sink`],
//! which may abort (a handler raised). Input is decoded into a buffer of
//! chars; a token is only processed once it is complete (or the input is
//! final), so a token split across `feed` calls is simply rescanned.

use std::collections::HashMap;

// expat's error codes (pyexpat.errors).
pub const E_SYNTAX: u32 = 2;
pub const E_NO_ELEMENTS: u32 = 3;
pub const E_INVALID_TOKEN: u32 = 4;
pub const E_UNCLOSED_TOKEN: u32 = 5;
pub const E_PARTIAL_CHAR: u32 = 6;
pub const E_TAG_MISMATCH: u32 = 7;
pub const E_DUPLICATE_ATTRIBUTE: u32 = 8;
pub const E_JUNK_AFTER_DOC_ELEMENT: u32 = 9;
pub const E_UNDEFINED_ENTITY: u32 = 11;
pub const E_RECURSIVE_ENTITY_REF: u32 = 12;
pub const E_BAD_CHAR_REF: u32 = 14;
pub const E_BINARY_ENTITY_REF: u32 = 15;
pub const E_ATTRIBUTE_EXTERNAL_ENTITY_REF: u32 = 16;
pub const E_MISPLACED_XML_PI: u32 = 17;
pub const E_UNKNOWN_ENCODING: u32 = 18;
pub const E_INCORRECT_ENCODING: u32 = 19;
pub const E_UNCLOSED_CDATA_SECTION: u32 = 20;
pub const E_EXTERNAL_ENTITY_HANDLING: u32 = 21;
pub const E_NOT_STANDALONE: u32 = 22;
pub const E_UNBOUND_PREFIX: u32 = 27;
pub const E_UNDECLARING_PREFIX: u32 = 28;
pub const E_XML_DECL: u32 = 30;
pub const E_FINISHED: u32 = 36;
pub const E_RESERVED_PREFIX_XML: u32 = 38;
pub const E_RESERVED_PREFIX_XMLNS: u32 = 39;
pub const E_RESERVED_NAMESPACE_URI: u32 = 40;

/// expat's messages, indexed by error code (0 has none).
pub const MESSAGES: [&str; 44] = [
    "",
    "out of memory",
    "syntax error",
    "no element found",
    "not well-formed (invalid token)",
    "unclosed token",
    "partial character",
    "mismatched tag",
    "duplicate attribute",
    "junk after document element",
    "illegal parameter entity reference",
    "undefined entity",
    "recursive entity reference",
    "asynchronous entity",
    "reference to invalid character number",
    "reference to binary entity",
    "reference to external entity in attribute",
    "XML or text declaration not at start of entity",
    "unknown encoding",
    "encoding specified in XML declaration is incorrect",
    "unclosed CDATA section",
    "error in processing external entity reference",
    "document is not standalone",
    "unexpected parser state - please send a bug report",
    "entity declared in parameter entity",
    "requested feature requires XML_DTD support in Expat",
    "cannot change setting once parsing has begun",
    "unbound prefix",
    "must not undeclare prefix",
    "incomplete markup in parameter entity",
    "XML declaration not well-formed",
    "text declaration not well-formed",
    "illegal character(s) in public id",
    "parser suspended",
    "parser not suspended",
    "parsing aborted",
    "parsing finished",
    "cannot suspend in external parameter entity",
    "reserved prefix (xml) must not be undeclared or bound to another namespace name",
    "reserved prefix (xmlns) must not be declared or undeclared",
    "prefix must not be bound to one of the reserved namespace names",
    "invalid argument",
    "a successful prior call to function XML_GetBuffer is required",
    "limit on input amplification factor (from DTD and entities) breached",
];

/// The size of expat's conversion buffer (INIT_DATA_BUF_SIZE).
const CONVERT_BUF: usize = 1024;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Stands for an undecodable byte sequence in the char buffer: it is not an
/// XML character, so the tokenizer reports "invalid token" where it stands.
const BAD_CHAR: char = '\u{FFFE}';

/// A place in the input (line from 1, column in characters from 0, byte
/// offset in the input's own encoding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: u64,
    pub col: u64,
    pub byte: i64,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, col: 0, byte: 0 };
}

#[derive(Clone)]
pub enum Enc {
    Utf8,
    Utf16Le,
    Utf16Be,
    Latin1,
    Ascii,
    /// A single-byte encoding given by a Python codec: byte -> code point,
    /// -1 where the byte is invalid.
    Table(Box<[i32; 256]>),
}

impl Enc {
    fn width(&self, c: char) -> i64 {
        match self {
            Enc::Utf8 => c.len_utf8() as i64,
            Enc::Utf16Le | Enc::Utf16Be => 2 * c.len_utf16() as i64,
            _ => 1,
        }
    }
}

/// A content-model node for ElementDeclHandler: (type, quant, name, children).
pub struct Model {
    pub ctype: u32,
    pub quant: u32,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

/// Handler kinds whose presence changes what the parser reports.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum H {
    CharacterData,
    Comment,
    Pi,
    StartElement,
    EndElement,
    Cdata,
    XmlDecl,
    Doctype,
    EntityDecl,
    UnparsedEntityDecl,
    NotationDecl,
    ElementDecl,
    AttlistDecl,
    SkippedEntity,
    ExternalEntityRef,
    NotStandalone,
}

/// A handler raised: parsing stops and the exception propagates.
pub struct Abort;

pub type HR = Result<(), Abort>;

/// Where the parser reports what it finds (pyexpat's handler trampolines).
pub trait Sink {
    /// The position of the event about to be reported.
    fn set_pos(&mut self, pos: Pos);
    fn has(&self, h: H) -> bool;
    /// `Some(expand)` when a default handler is set.
    fn default_mode(&self) -> Option<bool>;
    fn default(&mut self, text: &str) -> HR;
    fn xml_decl(&mut self, version: Option<&str>, encoding: Option<&str>, standalone: i32) -> HR;
    /// Attributes: specified ones first (`n_specified` of them), then defaults.
    fn start_element(&mut self, name: &str, attrs: &[(String, String)], n_specified: usize) -> HR;
    fn end_element(&mut self, name: &str) -> HR;
    fn characters(&mut self, text: &str) -> HR;
    fn pi(&mut self, target: &str, data: &str) -> HR;
    fn comment(&mut self, text: &str) -> HR;
    fn start_cdata(&mut self) -> HR;
    fn end_cdata(&mut self) -> HR;
    fn start_ns(&mut self, prefix: Option<&str>, uri: Option<&str>) -> HR;
    fn end_ns(&mut self, prefix: Option<&str>) -> HR;
    fn start_doctype(&mut self, name: &str, sysid: Option<&str>, pubid: Option<&str>, internal: bool) -> HR;
    fn end_doctype(&mut self) -> HR;
    #[allow(clippy::too_many_arguments)]
    fn entity_decl(
        &mut self,
        name: &str,
        is_pe: bool,
        value: Option<&str>,
        base: Option<&str>,
        sysid: Option<&str>,
        pubid: Option<&str>,
        notation: Option<&str>,
    ) -> HR;
    fn unparsed_entity_decl(&mut self, name: &str, base: Option<&str>, sysid: &str, pubid: Option<&str>, notation: &str) -> HR;
    fn notation_decl(&mut self, name: &str, base: Option<&str>, sysid: Option<&str>, pubid: Option<&str>) -> HR;
    fn element_decl(&mut self, name: &str, model: &Model) -> HR;
    fn attlist_decl(&mut self, el: &str, att: &str, ty: &str, default: Option<&str>, required: bool) -> HR;
    fn skipped_entity(&mut self, name: &str, is_pe: bool) -> HR;
    /// The handler's return value (0 means failure).
    fn external_entity_ref(&mut self, context: Option<&str>, base: Option<&str>, sysid: Option<&str>, pubid: Option<&str>) -> Result<i64, Abort>;
    fn not_standalone(&mut self) -> Result<i64, Abort>;
    /// A byte -> code point table for an encoding expat does not know;
    /// `Ok(None)` when it is not a usable single-byte encoding.
    fn unknown_encoding(&mut self, name: &str) -> Result<Option<Box<[i32; 256]>>, Abort>;
}

/// Why processing stopped early.
enum Stop {
    /// The token at the current position is incomplete: wait for more input.
    More,
    Err(u32, Pos),
    Abort,
}

impl From<Abort> for Stop {
    fn from(_: Abort) -> Stop {
        Stop::Abort
    }
}

type R<T> = Result<T, Stop>;

/// The outcome of a `feed`.
pub enum Outcome {
    Ok,
    Error(u32),
    Aborted,
}

struct Entity {
    /// The replacement text of an internal entity.
    value: Option<Vec<char>>,
    sysid: Option<String>,
    pubid: Option<String>,
    notation: Option<String>,
    open: bool,
}

struct AttDef {
    name: String,
    default: Option<String>,
    /// Declared as something other than CDATA: values are whitespace-collapsed.
    tokenized: bool,
}

struct OpenElement {
    qname: String,
    reported: String,
    /// Prefixes this element bound (namespace mode), in declaration order.
    bound: Vec<Option<String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the root element.
    Prolog,
    Content,
    /// After the root element.
    Epilog,
}

pub struct Parser {
    /// Namespace processing: the separator (None: the NUL separator of an
    /// empty `namespace_separator`).
    ns: Option<Option<char>>,
    pub ns_triplets: bool,
    /// The encoding asked for at creation (overrides detection).
    forced_encoding: Option<String>,
    enc: Option<Enc>,
    raw: Vec<u8>,
    buf: Vec<char>,
    /// Index in `buf` of the first unprocessed char, and its position.
    idx: usize,
    pos: Pos,
    /// The previous char was a '\r' (so a following '\n' is not a new line).
    after_cr: bool,
    phase: Phase,
    in_cdata: bool,
    at_start: bool,
    stack: Vec<OpenElement>,
    bindings: Vec<(Option<String>, Option<String>)>,
    entities: HashMap<String, Entity>,
    param_entities: HashMap<String, Entity>,
    att_defs: HashMap<String, Vec<AttDef>>,
    standalone: i32,
    /// An external DTD subset or a parameter entity reference was seen:
    /// undeclared entities are skipped rather than errors.
    dtd_incomplete: bool,
    /// The error the parser stopped at (reported again on later calls).
    pub error: Option<(u32, Pos)>,
    finished: bool,
    /// Parsing an external parsed entity (ExternalEntityParserCreate).
    pub external_entity: bool,
    pub base: Option<String>,
    /// Inside an entity's replacement text: events and errors are placed at
    /// the reference.
    frozen: Option<Pos>,
    /// Where the start tag being parsed has its name (errors inside entity
    /// references in its attribute values are reported there).
    tag_name_pos: Pos,
    /// XML_SetParamEntityParsing: 0 never, 1 unless standalone, 2 always.
    pub param_entity_parsing: i64,
    /// XML_UseForeignDTD: ask the handler for a DTD even without a DOCTYPE.
    pub use_foreign_dtd: bool,
    keep_processing: bool,
    /// The input ended inside a character (the last char of `buf` stands for it).
    partial_at_end: bool,
    /// The end (index in the buffer) of the tag being reported.
    token_end: usize,
}

fn is_xml_char(c: char) -> bool {
    let u = c as u32;
    matches!(c, '\t' | '\n' | '\r') || (0x20..=0xD7FF).contains(&u) || (0xE000..=0xFFFD).contains(&u) || u >= 0x10000
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_name_start(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphabetic() || c == '_' || c == ':';
    }
    matches!(u, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF | 0x200C..=0x200D
        | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

fn is_name_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-' | '.');
    }
    is_name_start(c) || u == 0xB7 || (0x300..=0x36F).contains(&u) || (0x203F..=0x2040).contains(&u)
}

fn s(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Is `word` at `buf[i..]`?
fn at(buf: &[char], i: usize, word: &str) -> bool {
    let mut k = i;
    for w in word.chars() {
        if buf.get(k) != Some(&w) {
            return false;
        }
        k += 1;
    }
    true
}

/// Could `buf[i..]` (which ends early) still grow into `word`?
fn prefix_of(buf: &[char], i: usize, word: &str) -> bool {
    let rest = buf.get(i..).unwrap_or(&[]);
    rest.len() < word.chars().count() && rest.iter().zip(word.chars()).all(|(a, b)| *a == b)
}

fn find(buf: &[char], from: usize, word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    let mut i = from;
    while i < buf.len() {
        if buf[i] == first && at(buf, i, word) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn skip_space(buf: &[char], mut i: usize) -> usize {
    while i < buf.len() && is_space(buf[i]) {
        i += 1;
    }
    i
}

fn name_end(buf: &[char], i: usize) -> usize {
    let mut k = i;
    if k < buf.len() && is_name_start(buf[k]) {
        k += 1;
        while k < buf.len() && is_name_char(buf[k]) {
            k += 1;
        }
    }
    k
}

/// Normalizes line ends: "\r\n" and "\r" become "\n".
fn push_normalized(out: &mut String, chars: &[char]) {
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == '\r' {
            out.push('\n');
            if chars.get(k + 1) == Some(&'\n') {
                k += 1;
            }
        } else {
            out.push(c);
        }
        k += 1;
    }
}

impl Parser {
    pub fn new(encoding: Option<String>, ns: Option<Option<char>>) -> Parser {
        Parser {
            ns,
            ns_triplets: false,
            forced_encoding: encoding,
            enc: None,
            raw: Vec::new(),
            buf: Vec::new(),
            idx: 0,
            pos: Pos::START,
            after_cr: false,
            phase: Phase::Prolog,
            in_cdata: false,
            at_start: true,
            stack: Vec::new(),
            bindings: Vec::new(),
            entities: HashMap::new(),
            param_entities: HashMap::new(),
            att_defs: HashMap::new(),
            standalone: -1,
            dtd_incomplete: false,
            error: None,
            finished: false,
            external_entity: false,
            base: None,
            frozen: None,
            tag_name_pos: Pos::START,
            param_entity_parsing: 0,
            use_foreign_dtd: false,
            keep_processing: true,
            partial_at_end: false,
            token_end: 0,
        }
    }

    /// A parser for an external parsed entity referenced from `self`'s
    /// content: it shares the entity declarations' knowledge and accepts
    /// content without a root element.
    pub fn for_external_entity(&self, encoding: Option<String>) -> Parser {
        let mut p = Parser::new(encoding, self.ns);
        p.ns_triplets = self.ns_triplets;
        p.external_entity = true;
        p.phase = Phase::Content;
        p.bindings = self.bindings.clone();
        p.dtd_incomplete = self.dtd_incomplete;
        p.standalone = self.standalone;
        p.base = self.base.clone();
        for (k, e) in &self.entities {
            p.entities.insert(
                k.clone(),
                Entity {
                    value: e.value.clone(),
                    sysid: e.sysid.clone(),
                    pubid: e.pubid.clone(),
                    notation: e.notation.clone(),
                    open: false,
                },
            );
        }
        p
    }

    /// Made a parser of an external parsed entity.
    pub fn into_external(mut self) -> Parser {
        self.external_entity = true;
        self.phase = Phase::Content;
        self
    }

    /// The position just after what was processed.
    pub fn current_pos(&self) -> Pos {
        self.pos
    }

    pub fn started(&self) -> bool {
        !self.at_start || !self.raw.is_empty() || !self.buf.is_empty()
    }

    /// str input: its UTF-8 bytes are parsed as UTF-8 whatever the document says.
    pub fn force_utf8(&mut self) {
        self.forced_encoding = Some("utf-8".to_string());
    }

    /// Parses the next chunk of input.
    pub fn feed(&mut self, data: &[u8], is_final: bool, sink: &mut dyn Sink) -> Outcome {
        if let Some((code, _)) = self.error {
            return Outcome::Error(code);
        }
        if self.finished {
            self.error = Some((E_FINISHED, self.pos));
            return Outcome::Error(E_FINISHED);
        }
        self.raw.extend_from_slice(data);
        let result = self.decode(is_final, sink).and_then(|()| self.run(is_final, sink));
        // Drop what was consumed.
        if self.idx > 0 {
            self.buf.drain(..self.idx.min(self.buf.len()));
            self.idx = 0;
        }
        match result {
            Ok(()) => {
                if is_final {
                    self.finished = true;
                }
                Outcome::Ok
            }
            Err(Stop::More) => Outcome::Ok,
            Err(Stop::Err(code, pos)) => {
                self.error = Some((code, pos));
                self.pos = pos;
                Outcome::Error(code)
            }
            Err(Stop::Abort) => {
                self.finished = true;
                Outcome::Aborted
            }
        }
    }

    // --- decoding -------------------------------------------------------------

    fn set_encoding_by_name(&mut self, name: &str, from_decl: bool, sink: &mut dyn Sink) -> R<()> {
        let lower = name.to_ascii_lowercase();
        let utf16_input = matches!(self.enc, Some(Enc::Utf16Le) | Some(Enc::Utf16Be));
        let enc = match lower.as_str() {
            "utf-8" => Enc::Utf8,
            "iso-8859-1" => Enc::Latin1,
            "us-ascii" => Enc::Ascii,
            "utf-16" | "utf-16le" | "utf-16be" => {
                if from_decl {
                    if utf16_input {
                        return Ok(());
                    }
                    // A UTF-16 declaration in ASCII-compatible input.
                    return Err(Stop::Err(E_INCORRECT_ENCODING, self.pos));
                }
                match lower.as_str() {
                    "utf-16be" => Enc::Utf16Be,
                    "utf-16le" => Enc::Utf16Le,
                    _ => {
                        // Decided by the first bytes.
                        if self.raw.len() >= 2 && self.raw[0] == 0 {
                            Enc::Utf16Be
                        } else if self.raw.len() >= 2 && self.raw[0] == 0xFE && self.raw[1] == 0xFF {
                            self.raw.drain(..2);
                            { self.pos.byte += 2; self.pos.col += 1; }
                            Enc::Utf16Be
                        } else {
                            if self.raw.len() >= 2 && self.raw[0] == 0xFF && self.raw[1] == 0xFE {
                                self.raw.drain(..2);
                                { self.pos.byte += 2; self.pos.col += 1; }
                            }
                            Enc::Utf16Le
                        }
                    }
                }
            }
            _ => {
                if utf16_input && from_decl {
                    return Err(Stop::Err(E_INCORRECT_ENCODING, self.pos));
                }
                match sink.unknown_encoding(name)? {
                    Some(table) => Enc::Table(table),
                    None => return Err(Stop::Err(E_UNKNOWN_ENCODING, self.pos)),
                }
            }
        };
        if from_decl && utf16_input {
            return Err(Stop::Err(E_INCORRECT_ENCODING, self.pos));
        }
        self.enc = Some(enc);
        Ok(())
    }

    /// Decides the encoding (once), then decodes what `raw` holds.
    fn decode(&mut self, is_final: bool, sink: &mut dyn Sink) -> R<()> {
        if self.enc.is_none() {
            if let Some(name) = self.forced_encoding.clone() {
                self.set_encoding_by_name(&name, false, sink)?;
                if matches!(self.enc, Some(Enc::Utf8)) && self.raw.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    self.raw.drain(..3);
                    { self.pos.byte += 3; self.pos.col += 1; }
                }
            } else {
                let r = &self.raw;
                if r.len() < 4 && !is_final {
                    let could_be_decl = r.iter().zip(b"<?xm").all(|(a, b)| a == b);
                    if r.len() < 3 || could_be_decl || r[0] == 0 || r[0] >= 0xEF {
                        return Err(Stop::More);
                    }
                }
                if r.starts_with(&[0xFE, 0xFF]) {
                    self.raw.drain(..2);
                    { self.pos.byte += 2; self.pos.col += 1; }
                    self.enc = Some(Enc::Utf16Be);
                } else if r.starts_with(&[0xFF, 0xFE]) {
                    self.raw.drain(..2);
                    { self.pos.byte += 2; self.pos.col += 1; }
                    self.enc = Some(Enc::Utf16Le);
                } else if r.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    self.raw.drain(..3);
                    { self.pos.byte += 3; self.pos.col += 1; }
                    self.enc = Some(Enc::Utf8);
                } else if r.len() >= 2 && r[0] == 0 && r[1] != 0 {
                    self.enc = Some(Enc::Utf16Be);
                } else if r.len() >= 2 && r[1] == 0 && r[0] != 0 {
                    self.enc = Some(Enc::Utf16Le);
                } else {
                    self.enc = Some(Enc::Utf8);
                    if r.starts_with(b"<?xml") {
                        // The declaration (ASCII) names the encoding.
                        let end = r.windows(2).position(|w| w == b"?>");
                        match end {
                            None if !is_final => {
                                self.enc = None;
                                return Err(Stop::More);
                            }
                            None => {}
                            Some(e) => {
                                let decl: Vec<char> = r[..e].iter().map(|&b| b as char).collect();
                                if let Some((name, at)) = decl_pseudo_attr(&decl, "encoding") {
                                    // Errors and the handler see the name's position.
                                    let saved = self.pos;
                                    let mut p = self.pos_at(&decl, at);
                                    p.byte = saved.byte + at as i64;
                                    self.pos = p;
                                    sink.set_pos(p);
                                    self.set_encoding_by_name(&name, true, sink)?;
                                    self.pos = saved;
                                }
                            }
                        }
                    }
                }
            }
        } else if self.buf.len() <= self.idx && self.at_start && self.forced_encoding.is_none() {
            // Nothing to do: the encoding was set by a previous chunk.
        }
        self.decode_raw(is_final)
    }

    fn decode_raw(&mut self, is_final: bool) -> R<()> {
        let Some(enc) = &self.enc else { return Ok(()) };
        let raw = std::mem::take(&mut self.raw);
        let mut i = 0;
        match enc {
            Enc::Utf8 => {
                while i < raw.len() {
                    let b = raw[i];
                    if b < 0x80 {
                        self.buf.push(b as char);
                        i += 1;
                        continue;
                    }
                    let need = match b {
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => 0,
                    };
                    if need == 0 {
                        self.buf.push(BAD_CHAR);
                        i += 1;
                        continue;
                    }
                    if i + need > raw.len() {
                        // A partial sequence: complete it with the next chunk,
                        // unless it is already invalid.
                        let tail = &raw[i..];
                        if std::str::from_utf8(tail).err().map(|e| e.error_len().is_none()).unwrap_or(false) {
                            break;
                        }
                        self.buf.push(BAD_CHAR);
                        i += 1;
                        continue;
                    }
                    match std::str::from_utf8(&raw[i..i + need]).ok().and_then(|t| t.chars().next()) {
                        Some(c) => {
                            self.buf.push(c);
                            i += need;
                        }
                        None => {
                            self.buf.push(BAD_CHAR);
                            i += 1;
                        }
                    }
                }
            }
            Enc::Utf16Le | Enc::Utf16Be => {
                let le = matches!(enc, Enc::Utf16Le);
                let unit = |k: usize| -> u16 {
                    let (a, b) = (raw[k], raw[k + 1]);
                    if le {
                        u16::from_le_bytes([a, b])
                    } else {
                        u16::from_be_bytes([a, b])
                    }
                };
                while i + 1 < raw.len() {
                    let u = unit(i);
                    if (0xD800..0xDC00).contains(&u) {
                        if i + 3 >= raw.len() {
                            break;
                        }
                        let low = unit(i + 2);
                        if (0xDC00..0xE000).contains(&low) {
                            let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + (low as u32 - 0xDC00);
                            self.buf.push(char::from_u32(cp).unwrap_or(BAD_CHAR));
                            i += 4;
                        } else {
                            self.buf.push(BAD_CHAR);
                            i += 2;
                        }
                    } else {
                        self.buf.push(char::from_u32(u as u32).unwrap_or(BAD_CHAR));
                        i += 2;
                    }
                }
            }
            Enc::Latin1 => {
                self.buf.extend(raw.iter().map(|&b| b as char));
                i = raw.len();
            }
            Enc::Ascii => {
                self.buf.extend(raw.iter().map(|&b| if b < 0x80 { b as char } else { BAD_CHAR }));
                i = raw.len();
            }
            Enc::Table(t) => {
                self.buf.extend(raw.iter().map(|&b| {
                    let cp = t[b as usize];
                    if cp < 0 {
                        BAD_CHAR
                    } else {
                        char::from_u32(cp as u32).unwrap_or(BAD_CHAR)
                    }
                }));
                i = raw.len();
            }
        }
        self.raw = raw.get(i..).map(|r| r.to_vec()).unwrap_or_default();
        if is_final && !self.raw.is_empty() {
            // Kept for the tokenizer: it fails there with "partial character"
            // unless an earlier error comes first.
            self.buf.push('\u{FFFF}');
            self.partial_at_end = true;
        }
        Ok(())
    }

    // --- positions --------------------------------------------------------------

    fn width(&self, c: char) -> i64 {
        match &self.enc {
            Some(e) => e.width(c),
            None => c.len_utf8() as i64,
        }
    }

    /// The position of `buf[to]` (at or after the processed point).
    fn pos_at(&self, buf: &[char], to: usize) -> Pos {
        if let Some(p) = self.frozen {
            return p;
        }
        let mut p = self.pos;
        let mut cr = self.after_cr;
        for &c in buf.get(self.idx..to.min(buf.len())).unwrap_or(&[]) {
            p.byte += self.width(c);
            match c {
                '\n' if cr => {}
                '\n' | '\r' => {
                    p.line += 1;
                    p.col = 0;
                }
                _ => p.col += 1,
            }
            cr = c == '\r';
        }
        p
    }

    /// Marks `buf[..to]` processed.
    fn advance(&mut self, buf: &[char], to: usize) {
        if self.frozen.is_some() {
            self.idx = to;
            return;
        }
        if to > self.idx {
            self.pos = self.pos_at(buf, to);
            self.after_cr = buf.get(to - 1) == Some(&'\r');
            self.idx = to;
        }
    }

    fn err<T>(&self, buf: &[char], code: u32, at: usize) -> R<T> {
        Err(Stop::Err(code, self.pos_at(buf, at)))
    }

    fn event_at(&self, buf: &[char], at: usize, sink: &mut dyn Sink) {
        sink.set_pos(self.pos_at(buf, at));
    }

    // --- the main loop ----------------------------------------------------------

    fn run(&mut self, is_final: bool, sink: &mut dyn Sink) -> R<()> {
        let buf = std::mem::take(&mut self.buf);
        self.token_end = 0;
        let r = self.run_on(&buf, is_final, sink);
        if matches!(r, Err(Stop::Abort)) && self.token_end > self.idx && self.token_end <= buf.len() && self.frozen.is_none() {
            // A handler raised: expat stops after the token it was reporting.
            self.advance(&buf, self.token_end);
            sink.set_pos(self.pos);
        }
        self.buf = buf;
        r
    }

    fn run_on(&mut self, buf: &[char], is_final: bool, sink: &mut dyn Sink) -> R<()> {
        loop {
            let i = self.idx;
            if i >= buf.len() {
                break;
            }
            let r = if self.in_cdata {
                self.cdata(buf, is_final, sink)
            } else {
                match self.phase {
                    Phase::Content => self.content_token(buf, is_final, sink),
                    _ => self.prolog_token(buf, is_final, sink),
                }
            };
            match r {
                Ok(()) => {}
                Err(Stop::More) if is_final => {
                    let code = if self.in_cdata { E_UNCLOSED_CDATA_SECTION } else { E_UNCLOSED_TOKEN };
                    return self.err(buf, code, i);
                }
                Err(e) => return Err(e),
            }
        }
        if is_final {
            if self.in_cdata {
                return self.err(buf, E_UNCLOSED_CDATA_SECTION, self.idx);
            }
            if !self.external_entity && (self.phase != Phase::Epilog) {
                return self.err(buf, E_NO_ELEMENTS, self.idx);
            }
            if self.external_entity && !self.stack.is_empty() {
                return self.err(buf, E_NO_ELEMENTS, self.idx);
            }
        }
        Ok(())
    }

    fn report_default(&self, sink: &mut dyn Sink, buf: &[char], from: usize, to: usize) -> HR {
        if sink.default_mode().is_some() && to > from {
            self.event_at(buf, from, sink);
            let mut t = String::with_capacity(to - from);
            push_normalized(&mut t, &buf[from..to]);
            sink.default(&t)?;
        }
        Ok(())
    }

    /// A markup declaration for the default handler, token by token as
    /// expat reports it.
    fn report_decl_default(&self, sink: &mut dyn Sink, buf: &[char], from: usize, to: usize) -> HR {
        if sink.default_mode().is_none() {
            return Ok(());
        }
        let mut k = name_end(buf, from + 2).max(from + 1);
        self.report_default(sink, buf, from, k)?;
        while k < to {
            let c = buf[k];
            let e = if is_space(c) {
                skip_space(buf, k).min(to)
            } else if c == '"' || c == '\'' {
                buf[k + 1..to].iter().position(|&x| x == c).map(|p| k + p + 2).unwrap_or(to)
            } else if is_name_char(c) || c == '#' || c == '%' {
                let mut e = k + 1;
                while e < to && is_name_char(buf[e]) {
                    e += 1;
                }
                if e < to && matches!(buf[e], '*' | '+' | '?') {
                    e += 1;
                }
                e
            } else if c == ')' && k + 1 < to && matches!(buf[k + 1], '*' | '+' | '?') {
                k + 2
            } else {
                k + 1
            };
            self.report_default(sink, buf, k, e)?;
            k = e;
        }
        Ok(())
    }

    /// One token outside the root element.
    fn prolog_token(&mut self, buf: &[char], is_final: bool, sink: &mut dyn Sink) -> R<()> {
        let i = self.idx;
        let c = buf[i];
        if self.partial_at_end && i + 1 == buf.len() && self.frozen.is_none() {
            return self.err(buf, E_UNCLOSED_TOKEN, i);
        }
        if is_space(c) {
            let mut e = skip_space(buf, i);
            if e == buf.len() && !is_final && buf[e - 1] == '\r' {
                e -= 1;
                if e == i {
                    return Err(Stop::More);
                }
            }
            self.report_default(sink, buf, i, e)?;
            self.at_start = false;
            self.advance(buf, e);
            return Ok(());
        }
        if c != '<' {
            if self.phase == Phase::Epilog {
                return self.err(buf, E_JUNK_AFTER_DOC_ELEMENT, i);
            }
            if !is_xml_char(c) {
                return self.err(buf, E_INVALID_TOKEN, i);
            }
            let e = name_end(buf, i);
            if e > i && e == buf.len() && !is_final {
                return Err(Stop::More);
            }
            // A name is a token of the prolog grammar, out of place here.
            if e > i && e < buf.len() && !is_space(buf[e]) {
                return self.err(buf, E_INVALID_TOKEN, e);
            }
            return self.err(buf, if e > i { E_SYNTAX } else { E_INVALID_TOKEN }, i);
        }
        if i + 1 >= buf.len() {
            return Err(Stop::More);
        }
        match buf[i + 1] {
            '?' => {
                let e = self.pi(buf, i, sink)?;
                self.at_start = false;
                self.advance(buf, e);
                Ok(())
            }
            '!' => {
                if at(buf, i, "<!--") {
                    let e = self.comment(buf, i, sink)?;
                    self.at_start = false;
                    self.advance(buf, e);
                    Ok(())
                } else if prefix_of(buf, i, "<!--") || prefix_of(buf, i, "<!DOCTYPE") {
                    Err(Stop::More)
                } else if at(buf, i, "<!DOCTYPE") && self.phase == Phase::Prolog {
                    let e = self.doctype(buf, i, is_final, sink)?;
                    self.at_start = false;
                    self.advance(buf, e);
                    Ok(())
                } else if self.phase == Phase::Epilog {
                    self.err(buf, E_JUNK_AFTER_DOC_ELEMENT, i)
                } else {
                    self.err(buf, E_INVALID_TOKEN, i + 2)
                }
            }
            _ => {
                if self.phase == Phase::Epilog {
                    return self.err(buf, E_JUNK_AFTER_DOC_ELEMENT, i);
                }
                if self.use_foreign_dtd && self.param_entity_parsing != 0 && sink.has(H::ExternalEntityRef) {
                    self.use_foreign_dtd = false;
                    self.event_at(buf, i, sink);
                    let base = self.base.clone();
                    if sink.external_entity_ref(None, base.as_deref(), None, None)? == 0 {
                        return self.err(buf, E_EXTERNAL_ENTITY_HANDLING, i);
                    }
                }
                self.phase = Phase::Content;
                self.at_start = false;
                self.content_token(buf, is_final, sink)
            }
        }
    }

    /// `<?target data?>` at `i` (also the XML declaration); returns its end.
    fn pi(&mut self, buf: &[char], i: usize, sink: &mut dyn Sink) -> R<usize> {
        let ts = i + 2;
        let te = name_end(buf, ts);
        if te == buf.len() {
            return Err(Stop::More);
        }
        if te == ts {
            return self.err(buf, E_INVALID_TOKEN, ts);
        }
        let target = s(&buf[ts..te]);
        let (data_start, end) = if at(buf, te, "?>") {
            (te, te)
        } else if is_space(buf[te]) {
            match find(buf, te, "?>") {
                Some(e) => (skip_space(buf, te).min(e), e),
                None => return Err(Stop::More),
            }
        } else if buf[te] == '?' && te + 1 == buf.len() {
            return Err(Stop::More);
        } else {
            return self.err(buf, E_INVALID_TOKEN, te);
        };
        for k in data_start..end {
            if !is_xml_char(buf[k]) {
                return self.err(buf, E_INVALID_TOKEN, k);
            }
        }
        if target.eq_ignore_ascii_case("xml") {
            if target != "xml" {
                return self.err(buf, E_INVALID_TOKEN, te);
            }
            if self.at_start && self.phase == Phase::Prolog && i == self.idx && self.frozen.is_none() {
                self.xml_decl(buf, i, te, end, sink)?;
                return Ok(end + 2);
            }
            if self.phase == Phase::Epilog {
                return self.err(buf, E_JUNK_AFTER_DOC_ELEMENT, i);
            }
            return self.err(buf, E_MISPLACED_XML_PI, i);
        }
        if sink.has(H::Pi) {
            self.event_at(buf, i, sink);
            let mut data = String::new();
            push_normalized(&mut data, &buf[data_start..end]);
            sink.pi(&target, &data)?;
        } else {
            self.report_default(sink, buf, i, end + 2)?;
        }
        Ok(end + 2)
    }

    fn xml_decl(&mut self, buf: &[char], i: usize, te: usize, end: usize, sink: &mut dyn Sink) -> R<()> {
        let body = &buf[te..end];
        let mut k = 0;
        let mut version = None;
        let mut encoding = None;
        let mut standalone = -1;
        let mut encoding_at = te;
        let mut order = 0;
        let bad = |k: usize| Err(Stop::Err(E_XML_DECL, self.pos_at(buf, te + k)));
        loop {
            let ws = skip_space(body, k);
            if ws == body.len() {
                break;
            }
            if ws == k {
                return bad(k);
            }
            k = ws;
            let ne = name_end(body, k);
            let name = s(&body[k..ne]);
            let mut j = skip_space(body, ne);
            if body.get(j) != Some(&'=') {
                return bad(k);
            }
            j = skip_space(body, j + 1);
            let q = match body.get(j) {
                Some(&q @ ('"' | '\'')) => q,
                _ => return bad(k),
            };
            let Some(close) = body[j + 1..].iter().position(|&c| c == q) else { return bad(k) };
            let value = s(&body[j + 1..j + 1 + close]);
            let (rank, ok) = match name.as_str() {
                "version" => (1, !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "_.:-".contains(c))),
                "encoding" => (2, value.chars().next().map(|c| c.is_ascii_alphabetic()).unwrap_or(false) && value.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))),
                "standalone" => (3, value == "yes" || value == "no"),
                _ => (0, false),
            };
            if rank <= order || !ok || (order == 0 && rank != 1) {
                return bad(k);
            }
            order = rank;
            match rank {
                1 => version = Some(value),
                2 => {
                    encoding = Some(value);
                    encoding_at = te + j + 1;
                }
                _ => standalone = (value == "yes") as i32,
            }
            k = j + 2 + close;
        }
        if version.is_none() {
            return bad(body.len());
        }
        self.standalone = standalone;
        if let (Some(name), None, Some(Enc::Utf16Le | Enc::Utf16Be)) = (&encoding, &self.forced_encoding, &self.enc) {
            // The declaration of a UTF-16 document must name UTF-16.
            let lower = name.to_ascii_lowercase();
            if !matches!(lower.as_str(), "utf-16" | "utf-16le" | "utf-16be") {
                let at = self.pos_at(buf, encoding_at);
                if !matches!(lower.as_str(), "utf-8" | "iso-8859-1" | "us-ascii") {
                    sink.set_pos(at);
                    sink.unknown_encoding(name)?;
                }
                return Err(Stop::Err(E_INCORRECT_ENCODING, at));
            }
        }
        if sink.has(H::XmlDecl) {
            self.event_at(buf, i, sink);
            sink.xml_decl(version.as_deref(), encoding.as_deref(), standalone)?;
        } else {
            self.report_default(sink, buf, i, end + 2)?;
        }
        Ok(())
    }

    /// `<!-- ... -->` at `i`; returns its end.
    fn comment(&mut self, buf: &[char], i: usize, sink: &mut dyn Sink) -> R<usize> {
        let start = i + 4;
        let mut k = start;
        loop {
            if k >= buf.len() {
                return Err(Stop::More);
            }
            let c = buf[k];
            if c == '-' {
                if k + 1 >= buf.len() {
                    return Err(Stop::More);
                }
                if buf[k + 1] == '-' {
                    if k + 2 >= buf.len() {
                        return Err(Stop::More);
                    }
                    if buf[k + 2] != '>' {
                        return self.err(buf, E_INVALID_TOKEN, k + 2);
                    }
                    break;
                }
            } else if !is_xml_char(c) {
                return self.err(buf, E_INVALID_TOKEN, k);
            }
            k += 1;
        }
        if sink.has(H::Comment) {
            self.event_at(buf, i, sink);
            let mut text = String::new();
            push_normalized(&mut text, &buf[start..k]);
            sink.comment(&text)?;
        } else {
            self.report_default(sink, buf, i, k + 3)?;
        }
        Ok(k + 3)
    }

    // --- content ------------------------------------------------------------------

    fn content_token(&mut self, buf: &[char], is_final: bool, sink: &mut dyn Sink) -> R<()> {
        let i = self.idx;
        let c = buf[i];
        if c == '<' {
            if i + 1 >= buf.len() {
                return Err(Stop::More);
            }
            let e = match buf[i + 1] {
                '/' => self.end_tag(buf, i, sink)?,
                '?' => self.pi(buf, i, sink)?,
                '!' => {
                    if at(buf, i, "<!--") {
                        self.comment(buf, i, sink)?
                    } else if at(buf, i, "<![CDATA[") {
                        if sink.has(H::Cdata) {
                            self.event_at(buf, i, sink);
                            sink.start_cdata()?;
                        } else {
                            self.report_default(sink, buf, i, i + 9)?;
                        }
                        self.in_cdata = true;
                        i + 9
                    } else if prefix_of(buf, i, "<!--") || prefix_of(buf, i, "<![CDATA[") {
                        return Err(Stop::More);
                    } else {
                        let bad = if buf[i + 2] == '-' { i + 3 } else { i + 2 };
                        return self.err(buf, E_INVALID_TOKEN, bad.min(buf.len()));
                    }
                }
                _ => self.start_tag(buf, i, sink)?,
            };
            self.advance(buf, e);
            if self.stack.is_empty() && !self.external_entity && self.frozen.is_none() {
                self.phase = Phase::Epilog;
            }
            return Ok(());
        }
        if c == '&' {
            let e = self.reference(buf, i, is_final, sink)?;
            self.advance(buf, e);
            return Ok(());
        }
        self.char_data(buf, i, is_final, sink)
    }

    /// A line end (`\n`, `\r` or `\r\n`) at `i`, reported on its own as "\n",
    /// as expat does; false when `buf[i]` is not one.
    fn line_end(&mut self, buf: &[char], i: usize, is_final: bool, sink: &mut dyn Sink) -> R<bool> {
        let c = buf[i];
        if c != '\n' && c != '\r' {
            return Ok(false);
        }
        let mut e = i + 1;
        if c == '\r' {
            if e >= buf.len() && !is_final {
                return Err(Stop::More);
            }
            if buf.get(e) == Some(&'\n') {
                e += 1;
            }
        }
        self.text(buf, i, e, "\n", sink)?;
        self.advance(buf, e);
        Ok(true)
    }

    /// A run of character data at `i`, reported as expat does: each line
    /// end on its own.
    fn char_data(&mut self, buf: &[char], i: usize, is_final: bool, sink: &mut dyn Sink) -> R<()> {
        if self.line_end(buf, i, is_final, sink)? {
            return Ok(());
        }
        let mut k = i;
        while k < buf.len() {
            let c = buf[k];
            if matches!(c, '<' | '&' | '\n' | '\r') {
                break;
            }
            if c == ']' && at(buf, k, "]]>") {
                if k > i {
                    break;
                }
                return self.err(buf, E_INVALID_TOKEN, k + 2);
            }
            if c == ']' && !is_final && prefix_of(buf, k, "]]>") {
                break;
            }
            if !is_xml_char(c) {
                if k > i {
                    break;
                }
                if self.partial_at_end && is_final && k + 1 == buf.len() && self.frozen.is_none() {
                    return self.err(buf, E_PARTIAL_CHAR, k);
                }
                return self.err(buf, E_INVALID_TOKEN, k);
            }
            k += 1;
        }
        if k == i {
            return Err(Stop::More);
        }
        let t = s(&buf[i..k]);
        self.text(buf, i, k, &t, sink)?;
        self.advance(buf, k);
        Ok(())
    }

    fn text(&self, buf: &[char], from: usize, to: usize, t: &str, sink: &mut dyn Sink) -> HR {
        if sink.has(H::CharacterData) {
            self.event_at(buf, from, sink);
            if !matches!(self.enc, Some(Enc::Utf8) | None) && t.len() > CONVERT_BUF {
                // expat converts other encodings through a 1024-byte buffer
                // and reports each bufferful.
                let mut rest = t;
                while !rest.is_empty() {
                    let mut cut = rest.len().min(CONVERT_BUF);
                    while !rest.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    sink.characters(&rest[..cut])?;
                    rest = &rest[cut..];
                }
                return Ok(());
            }
            sink.characters(t)
        } else {
            self.report_default(sink, buf, from, to)
        }
    }

    fn cdata(&mut self, buf: &[char], is_final: bool, sink: &mut dyn Sink) -> R<()> {
        let i = self.idx;
        if at(buf, i, "]]>") {
            if sink.has(H::Cdata) {
                self.event_at(buf, i, sink);
                sink.end_cdata()?;
            } else {
                self.report_default(sink, buf, i, i + 3)?;
            }
            self.in_cdata = false;
            self.advance(buf, i + 3);
            if self.stack.is_empty() && !self.external_entity && self.frozen.is_none() {
                self.phase = Phase::Epilog;
            }
            return Ok(());
        }
        if self.line_end(buf, i, is_final, sink)? {
            return Ok(());
        }
        let mut k = i;
        while k < buf.len() {
            let c = buf[k];
            if matches!(c, '\n' | '\r') || (c == ']' && (at(buf, k, "]]>") || prefix_of(buf, k, "]]>"))) {
                break;
            }
            if !is_xml_char(c) {
                if k > i {
                    break;
                }
                return self.err(buf, E_INVALID_TOKEN, k);
            }
            k += 1;
        }
        if k == i {
            return Err(Stop::More);
        }
        let t = s(&buf[i..k]);
        self.text(buf, i, k, &t, sink)?;
        self.advance(buf, k);
        Ok(())
    }

    /// `&...;` at `i` in content; returns its end.
    fn reference(&mut self, buf: &[char], i: usize, is_final: bool, sink: &mut dyn Sink) -> R<usize> {
        let _ = is_final;
        let (end, r) = self.parse_ref(buf, i)?;
        match r {
            Ref::Char(c) => {
                if sink.has(H::CharacterData) {
                    self.event_at(buf, i, sink);
                    let mut t = [0u8; 4];
                    sink.characters(c.encode_utf8(&mut t))?;
                } else {
                    self.report_default(sink, buf, i, end)?;
                }
            }
            Ref::Entity(name) => self.entity_in_content(buf, i, end, &name, sink)?,
        }
        Ok(end)
    }

    /// Parses a character or entity reference at `i`.
    fn parse_ref(&self, buf: &[char], i: usize) -> R<(usize, Ref)> {
        let k = i + 1;
        if k >= buf.len() {
            return Err(Stop::More);
        }
        if buf[k] == '#' {
            let (hex, mut j) = if buf.get(k + 1) == Some(&'x') { (true, k + 2) } else { (false, k + 1) };
            let digits_start = j;
            let mut value: u32 = 0;
            while j < buf.len() {
                let c = buf[j];
                let d = if hex { c.to_digit(16) } else { c.to_digit(10) };
                match d {
                    Some(d) if c.is_ascii() => {
                        value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
                        j += 1;
                    }
                    _ => break,
                }
            }
            if j >= buf.len() {
                return Err(Stop::More);
            }
            if buf[j] != ';' || j == digits_start {
                return self.err(buf, E_INVALID_TOKEN, j);
            }
            return match char::from_u32(value) {
                Some(c) if is_xml_char(c) => Ok((j + 1, Ref::Char(c))),
                _ => self.err(buf, E_BAD_CHAR_REF, i),
            };
        }
        if !is_name_start(buf[k]) {
            return self.err(buf, E_INVALID_TOKEN, k);
        }
        let e = name_end(buf, k);
        if e >= buf.len() {
            return Err(Stop::More);
        }
        if buf[e] != ';' {
            return self.err(buf, E_INVALID_TOKEN, e);
        }
        Ok((e + 1, Ref::Entity(s(&buf[k..e]))))
    }

    fn entity_in_content(&mut self, buf: &[char], i: usize, end: usize, name: &str, sink: &mut dyn Sink) -> R<()> {
        if let Some(c) = predefined(name) {
            if sink.has(H::CharacterData) {
                self.event_at(buf, i, sink);
                sink.characters(c)?;
            } else {
                self.report_default(sink, buf, i, end)?;
            }
            return Ok(());
        }
        let Some(ent) = self.entities.get(name) else {
            if self.dtd_incomplete && self.standalone != 1 {
                return self.skipped(buf, i, end, name, sink);
            }
            return self.err(buf, E_UNDEFINED_ENTITY, i);
        };
        if ent.open {
            return self.err(buf, E_RECURSIVE_ENTITY_REF, i);
        }
        if ent.notation.is_some() {
            return self.err(buf, E_BINARY_ENTITY_REF, i);
        }
        let Some(value) = ent.value.clone() else {
            // An external parsed entity.
            if sink.has(H::ExternalEntityRef) {
                let (sysid, pubid) = (ent.sysid.clone(), ent.pubid.clone());
                self.event_at(buf, i, sink);
                let base = self.base.clone();
                if sink.external_entity_ref(Some(name), base.as_deref(), sysid.as_deref(), pubid.as_deref())? == 0 {
                    return self.err(buf, E_EXTERNAL_ENTITY_HANDLING, i);
                }
                return Ok(());
            }
            return self.report_default(sink, buf, i, end).map_err(Stop::from);
        };
        if sink.default_mode() == Some(false) {
            return self.skipped(buf, i, end, name, sink);
        }
        // Expand: parse the replacement text as content, in place.
        let here = self.pos_at(buf, i);
        let saved = (self.idx, self.pos, self.after_cr, self.frozen, self.phase);
        let depth = self.stack.len();
        if let Some(e) = self.entities.get_mut(name) {
            e.open = true;
        }
        self.frozen = Some(here);
        self.idx = 0;
        self.phase = Phase::Content;
        let mut r = Ok(());
        while self.idx < value.len() {
            r = if self.in_cdata { self.cdata(&value, true, sink) } else { self.content_token(&value, true, sink) };
            if r.is_err() {
                break;
            }
        }
        let r = match r {
            Err(Stop::More) => Err(Stop::Err(if self.in_cdata { E_UNCLOSED_CDATA_SECTION } else { E_UNCLOSED_TOKEN }, here)),
            Ok(()) if self.stack.len() != depth || self.in_cdata => Err(Stop::Err(E_INVALID_TOKEN, here)),
            r => r,
        };
        if let Some(e) = self.entities.get_mut(name) {
            e.open = false;
        }
        (self.idx, self.pos, self.after_cr, self.frozen, self.phase) = saved;
        r
    }

    fn skipped(&self, buf: &[char], i: usize, end: usize, name: &str, sink: &mut dyn Sink) -> R<()> {
        if sink.has(H::SkippedEntity) {
            self.event_at(buf, i, sink);
            sink.skipped_entity(name, false)?;
        } else {
            self.report_default(sink, buf, i, end)?;
        }
        Ok(())
    }

    /// Finds the `>` ending the tag at `i`, skipping quoted values.
    fn tag_end(&self, buf: &[char], i: usize) -> R<usize> {
        let mut k = i + 1;
        let mut quote: Option<char> = None;
        while k < buf.len() {
            let c = buf[k];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '>' => return Ok(k),
                None if c == '<' => return self.err(buf, E_INVALID_TOKEN, k),
                None => {}
            }
            k += 1;
        }
        Err(Stop::More)
    }

    fn start_tag(&mut self, buf: &[char], i: usize, sink: &mut dyn Sink) -> R<usize> {
        let gt = self.tag_end(buf, i)?;
        let ns = i + 1;
        let ne = name_end(buf, ns);
        if ne == ns {
            return self.err(buf, E_INVALID_TOKEN, ns);
        }
        let qname = s(&buf[ns..ne]);
        if self.ns.is_some() {
            if let Some(second) = buf[ns..ne].iter().enumerate().filter(|(_, &c)| c == ':').nth(1).map(|(n, _)| n) {
                return self.err(buf, E_INVALID_TOKEN, ns + second);
            }
        }
        self.tag_name_pos = self.pos_at(buf, i);
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut k = ne;
        let empty;
        loop {
            let ws = skip_space(buf, k);
            if ws >= gt {
                empty = false;
                k = gt;
                break;
            }
            if buf[ws] == '/' {
                if ws + 1 != gt {
                    return self.err(buf, E_INVALID_TOKEN, ws + 1);
                }
                empty = true;
                k = gt;
                break;
            }
            if ws == k || !is_name_start(buf[ws]) {
                return self.err(buf, E_INVALID_TOKEN, ws);
            }
            let an_end = name_end(buf, ws);
            let aname = s(&buf[ws..an_end]);
            let mut j = skip_space(buf, an_end);
            if buf.get(j) != Some(&'=') {
                return self.err(buf, E_INVALID_TOKEN, j);
            }
            j = skip_space(buf, j + 1);
            let q = match buf.get(j) {
                Some(&q @ ('"' | '\'')) if j < gt => q,
                _ => return self.err(buf, E_INVALID_TOKEN, j),
            };
            let vstart = j + 1;
            let Some(len) = buf[vstart..gt].iter().position(|&c| c == q) else {
                return self.err(buf, E_INVALID_TOKEN, gt);
            };
            let vend = vstart + len;
            if attrs.iter().any(|(n, _)| *n == aname) {
                return self.err(buf, E_DUPLICATE_ATTRIBUTE, ws);
            }
            let mut value = String::new();
            self.attr_value(buf, vstart, vend, &mut value, 0)?;
            attrs.push((aname, value));
            k = vend + 1;
        }
        let _ = k;
        let n_specified = attrs.len();
        // Declared defaults and tokenized types.
        if let Some(defs) = self.att_defs.get(&qname) {
            for d in defs {
                if let Some(a) = attrs.iter_mut().find(|(n, _)| *n == d.name) {
                    if d.tokenized {
                        a.1 = a.1.split(' ').filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
                    }
                } else if let Some(v) = &d.default {
                    attrs.push((d.name.clone(), v.clone()));
                }
            }
        }
        let here = self.pos_at(buf, i);
        if self.frozen.is_none() {
            self.token_end = gt + 1;
        }
        let (reported, attrs, bound) = if self.ns.is_some() {
            self.namespaces(buf, i, &qname, attrs, n_specified, here, sink)?
        } else {
            (qname.clone(), attrs, Vec::new())
        };
        let n_specified = n_specified.min(attrs.len());
        if sink.has(H::StartElement) {
            sink.set_pos(here);
            sink.start_element(&reported, &attrs, n_specified)?;
        } else {
            self.report_default(sink, buf, i, gt + 1)?;
        }
        if empty {
            let after = self.pos_at(buf, gt + 1);
            if sink.has(H::EndElement) {
                sink.set_pos(after);
                sink.end_element(&reported)?;
            }
            self.unbind(bound, sink, after)?;
        } else {
            self.stack.push(OpenElement { qname, reported, bound });
        }
        Ok(gt + 1)
    }

    /// Expands names and reports/pops namespace declarations.
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn namespaces(
        &mut self,
        buf: &[char],
        i: usize,
        qname: &str,
        attrs: Vec<(String, String)>,
        n_specified: usize,
        here: Pos,
        sink: &mut dyn Sink,
    ) -> R<(String, Vec<(String, String)>, Vec<Option<String>>)> {
        let mut bound = Vec::new();
        let mut rest = Vec::new();
        let mut decls = Vec::new();
        let mut kept_specified = 0;
        for (n, (name, value)) in attrs.into_iter().enumerate() {
            let prefix = if name == "xmlns" {
                Some(None)
            } else {
                name.strip_prefix("xmlns:").map(|p| Some(p.to_string()))
            };
            match prefix {
                Some(p) => {
                    if p.as_deref() == Some("xmlns") {
                        return self.err(buf, E_RESERVED_PREFIX_XMLNS, i);
                    }
                    if p.as_deref() == Some("xml") && value != XML_NS {
                        return self.err(buf, E_RESERVED_PREFIX_XML, i);
                    }
                    if p.as_deref() != Some("xml") && (value == XML_NS || value == XMLNS_NS) {
                        return self.err(buf, E_RESERVED_NAMESPACE_URI, i);
                    }
                    if p.is_some() && value.is_empty() {
                        return self.err(buf, E_UNDECLARING_PREFIX, i);
                    }
                    if let Some(Some(sep)) = self.ns {
                        if value.contains(sep) {
                            return self.err(buf, E_SYNTAX, i);
                        }
                    }
                    decls.push((p, value));
                }
                None => {
                    if n < n_specified {
                        kept_specified += 1;
                    }
                    rest.push((name, value));
                }
            }
        }
        for (p, uri) in decls {
            let uri = if uri.is_empty() { None } else { Some(uri) };
            sink.set_pos(here);
            sink.start_ns(p.as_deref(), uri.as_deref())?;
            self.bindings.push((p.clone(), uri));
            bound.push(p);
        }
        let mut failure = None;
        let el = self.expand(qname, true).unwrap_or_else(|| {
            failure = Some(E_UNBOUND_PREFIX);
            String::new()
        });
        let mut out: Vec<(String, String)> = Vec::with_capacity(rest.len());
        for (name, value) in rest {
            if failure.is_some() {
                break;
            }
            let Some(expanded) = self.expand(&name, false) else {
                failure = Some(E_UNBOUND_PREFIX);
                break;
            };
            if out.iter().any(|(n, _)| *n == expanded) {
                failure = Some(E_DUPLICATE_ATTRIBUTE);
                break;
            }
            out.push((expanded, value));
        }
        if let Some(code) = failure {
            // expat ends the scopes it opened for this tag.
            self.unbind(bound, sink, here)?;
            return self.err(buf, code, i);
        }
        let _ = kept_specified;
        Ok((el, out, bound))
    }

    /// `prefix:local` -> `uri<sep>local[<sep>prefix]`; None for an unbound prefix.
    fn expand(&self, qname: &str, is_element: bool) -> Option<String> {
        let sep = self.ns?;
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (Some(p), l),
            None => (None, qname),
        };
        let uri: Option<String> = match prefix {
            Some("xml") => Some(XML_NS.to_string()),
            Some(p) => match self.bindings.iter().rev().find(|(bp, _)| bp.as_deref() == Some(p)) {
                Some((_, Some(u))) => Some(u.clone()),
                _ => return None,
            },
            None if is_element => self.bindings.iter().rev().find(|(bp, _)| bp.is_none()).and_then(|(_, u)| u.clone()),
            None => None,
        };
        let Some(uri) = uri else { return Some(qname.to_string()) };
        let Some(sep) = sep else {
            // A NUL separator: the C string ends at the URI.
            return Some(uri);
        };
        let mut out = uri;
        out.push(sep);
        out.push_str(local);
        if self.ns_triplets {
            if let Some(p) = prefix {
                out.push(sep);
                out.push_str(p);
            }
        }
        Some(out)
    }

    fn unbind(&mut self, bound: Vec<Option<String>>, sink: &mut dyn Sink, here: Pos) -> R<()> {
        for p in bound.into_iter().rev() {
            self.bindings.pop();
            sink.set_pos(here);
            sink.end_ns(p.as_deref())?;
        }
        Ok(())
    }

    /// Normalizes an attribute value (`buf[from..to]`) into `out`.
    fn attr_value(&mut self, buf: &[char], from: usize, to: usize, out: &mut String, depth: usize) -> R<()> {
        let mut k = from;
        while k < to {
            let c = buf[k];
            match c {
                '<' => return self.err(buf, E_INVALID_TOKEN, k),
                '&' => {
                    let (e, r) = self.parse_ref(&buf[..to], k).map_err(|e| match e {
                        Stop::More => Stop::Err(E_INVALID_TOKEN, self.pos_at(buf, to)),
                        e => e,
                    })?;
                    match r {
                        Ref::Char(c) => out.push(c),
                        Ref::Entity(name) => {
                            if let Some(c) = predefined(&name) {
                                out.push_str(c);
                            } else {
                                let Some(ent) = self.entities.get(&name) else {
                                    if self.dtd_incomplete && self.standalone != 1 {
                                        k = e;
                                        continue;
                                    }
                                    return self.err(buf, E_UNDEFINED_ENTITY, k);
                                };
                                if ent.open || depth > 40 {
                                    return self.err(buf, E_RECURSIVE_ENTITY_REF, k);
                                }
                                let Some(value) = ent.value.clone() else {
                                    return self.err(buf, E_ATTRIBUTE_EXTERNAL_ENTITY_REF, k);
                                };
                                if let Some(en) = self.entities.get_mut(&name) {
                                    en.open = true;
                                }
                                let here = self.frozen.unwrap_or(self.tag_name_pos);
                                let saved = (self.frozen, self.idx);
                                self.frozen = Some(here);
                                self.idx = 0;
                                let r = self.attr_value(&value, 0, value.len(), out, depth + 1);
                                (self.frozen, self.idx) = saved;
                                if let Some(en) = self.entities.get_mut(&name) {
                                    en.open = false;
                                }
                                r?;
                            }
                        }
                    }
                    k = e;
                    continue;
                }
                '\r' => {
                    out.push(' ');
                    if buf.get(k + 1) == Some(&'\n') && k + 1 < to {
                        k += 1;
                    }
                }
                '\n' | '\t' => out.push(' '),
                c if !is_xml_char(c) => return self.err(buf, E_INVALID_TOKEN, k),
                c => out.push(c),
            }
            k += 1;
        }
        Ok(())
    }

    fn end_tag(&mut self, buf: &[char], i: usize, sink: &mut dyn Sink) -> R<usize> {
        let ns = i + 2;
        let ne = name_end(buf, ns);
        if ne >= buf.len() {
            return Err(Stop::More);
        }
        if ne == ns {
            return self.err(buf, E_INVALID_TOKEN, ns);
        }
        let e = skip_space(buf, ne);
        if e >= buf.len() {
            return Err(Stop::More);
        }
        if buf[e] != '>' {
            return self.err(buf, E_INVALID_TOKEN, e);
        }
        let matches = self.stack.last().map(|t| t.qname.chars().eq(buf[ns..ne].iter().copied()));
        if matches != Some(true) {
            return self.err(buf, E_TAG_MISMATCH, ns);
        }
        let Some(open) = self.stack.pop() else { return self.err(buf, E_TAG_MISMATCH, ns) };
        if self.frozen.is_none() {
            self.token_end = e + 1;
        }
        if sink.has(H::EndElement) {
            self.event_at(buf, i, sink);
            sink.end_element(&open.reported)?;
        } else {
            self.report_default(sink, buf, i, e + 1)?;
        }
        let here = self.pos_at(buf, i);
        self.unbind(open.bound, sink, here)?;
        Ok(e + 1)
    }

    // --- the document type declaration ------------------------------------------------

    /// Finds the end of the DOCTYPE declaration at `i` (the index after `>`).
    fn doctype_end(&self, buf: &[char], i: usize) -> R<usize> {
        let mut k = i + 9;
        let mut depth = 0;
        while k < buf.len() {
            let c = buf[k];
            if c == '"' || c == '\'' {
                match buf[k + 1..].iter().position(|&x| x == c) {
                    Some(p) => k += p + 2,
                    None => return Err(Stop::More),
                }
                continue;
            }
            if depth > 0 && at(buf, k, "<!--") {
                match find(buf, k + 4, "-->") {
                    Some(p) => k = p + 3,
                    None => return Err(Stop::More),
                }
                continue;
            }
            if depth > 0 && at(buf, k, "<?") {
                match find(buf, k + 2, "?>") {
                    Some(p) => k = p + 2,
                    None => return Err(Stop::More),
                }
                continue;
            }
            match c {
                '[' => depth += 1,
                ']' if depth > 0 => depth -= 1,
                '>' if depth == 0 => return Ok(k + 1),
                _ => {}
            }
            k += 1;
        }
        Err(Stop::More)
    }

    fn doctype(&mut self, buf: &[char], i: usize, is_final: bool, sink: &mut dyn Sink) -> R<usize> {
        let _ = is_final;
        let end = self.doctype_end(buf, i)?;
        let gt = end - 1;
        let want_decl = sink.has(H::Doctype);
        let mut toks: Vec<(usize, usize)> = vec![(i, i + 9)];
        let mut k = skip_space(buf, i + 9);
        toks.push((i + 9, k));
        if k == i + 9 {
            return self.err(buf, E_INVALID_TOKEN, k);
        }
        let ne = name_end(buf, k);
        if ne == k {
            return self.err(buf, E_SYNTAX, k);
        }
        let name = s(&buf[k..ne]);
        toks.push((k, ne));
        k = ne;
        let mut sysid = None;
        let mut pubid = None;
        let w = skip_space(buf, k);
        toks.push((k, w));
        k = w;
        if at(buf, k, "SYSTEM") || at(buf, k, "PUBLIC") {
            let public = buf[k] == 'P';
            toks.push((k, k + 6));
            k += 6;
            let count = if public { 2 } else { 1 };
            for n in 0..count {
                let w = skip_space(buf, k);
                if w == k {
                    return self.err(buf, E_SYNTAX, k);
                }
                toks.push((k, w));
                k = w;
                let (lit, e) = self.literal(buf, k)?;
                toks.push((k, e));
                if public && n == 0 {
                    pubid = Some(lit);
                } else {
                    sysid = Some(lit);
                }
                k = e;
            }
            let w = skip_space(buf, k);
            toks.push((k, w));
            k = w;
            self.dtd_incomplete = true;
            if self.standalone != 1 && self.param_entity_parsing == 0 && sink.has(H::NotStandalone) {
                self.event_at(buf, k, sink);
                if sink.not_standalone()? == 0 {
                    return self.err(buf, E_NOT_STANDALONE, k);
                }
            }
        }
        let internal = buf.get(k) == Some(&'[');
        if !internal && k != gt {
            return self.err(buf, E_SYNTAX, k);
        }
        if want_decl {
            self.event_at(buf, if internal { k } else { gt }, sink);
            sink.start_doctype(&name, sysid.as_deref(), pubid.as_deref(), internal)?;
        } else {
            for &(a, b) in &toks {
                self.report_default(sink, buf, a, b)?;
            }
        }
        if internal {
            if !want_decl {
                self.report_default(sink, buf, k, k + 1)?;
            }
            k = self.internal_subset(buf, k + 1, gt, sink)?;
            // k is at ']'
            if !want_decl {
                self.report_default(sink, buf, k, k + 1)?;
            }
            let w = skip_space(buf, k + 1);
            if w != gt {
                return self.err(buf, E_SYNTAX, w);
            }
        }
        if (sysid.is_some() || self.use_foreign_dtd) && self.param_entity_parsing != 0 && sink.has(H::ExternalEntityRef) {
            // The external subset is the handler's to read.
            self.event_at(buf, gt, sink);
            let base = self.base.clone();
            if sink.external_entity_ref(None, base.as_deref(), sysid.as_deref(), pubid.as_deref())? == 0 {
                return self.err(buf, E_EXTERNAL_ENTITY_HANDLING, gt);
            }
        }
        self.use_foreign_dtd = false;
        if want_decl {
            self.event_at(buf, gt, sink);
            sink.end_doctype()?;
        } else {
            self.report_default(sink, buf, gt, gt + 1)?;
        }
        Ok(end)
    }

    /// A quoted literal at `k`: its text and end.
    fn literal(&self, buf: &[char], k: usize) -> R<(String, usize)> {
        let q = match buf.get(k) {
            Some(&q @ ('"' | '\'')) => q,
            _ => return self.err(buf, E_SYNTAX, k),
        };
        let Some(len) = buf[k + 1..].iter().position(|&c| c == q) else {
            return self.err(buf, E_SYNTAX, k);
        };
        Ok((s(&buf[k + 1..k + 1 + len]), k + 2 + len))
    }

    /// The declarations between `[` and `]`; returns the index of `]`.
    fn internal_subset(&mut self, buf: &[char], mut k: usize, gt: usize, sink: &mut dyn Sink) -> R<usize> {
        loop {
            if k >= gt {
                return self.err(buf, E_SYNTAX, k);
            }
            let c = buf[k];
            if is_space(c) {
                let e = skip_space(buf, k);
                self.report_default(sink, buf, k, e)?;
                k = e;
                continue;
            }
            if c == ']' {
                return Ok(k);
            }
            if at(buf, k, "<!--") {
                k = self.comment(buf, k, sink)?;
                continue;
            }
            if at(buf, k, "<?") {
                k = self.pi(buf, k, sink)?;
                continue;
            }
            if c == '%' {
                let ne = name_end(buf, k + 1);
                if ne == k + 1 || buf.get(ne) != Some(&';') {
                    return self.err(buf, E_INVALID_TOKEN, ne);
                }
                let name = s(&buf[k + 1..ne]);
                self.dtd_incomplete = true;
                if self.param_entity_parsing == 0 {
                    // Declarations after an unread parameter entity are not
                    // processed (they might be overridden by it).
                    self.keep_processing = self.standalone == 1;
                    self.report_default(sink, buf, k, ne + 1)?;
                } else if sink.has(H::SkippedEntity) {
                    self.event_at(buf, k, sink);
                    sink.skipped_entity(&name, true)?;
                } else {
                    self.report_default(sink, buf, k, ne + 1)?;
                }
                if self.standalone != 1 && sink.has(H::NotStandalone) {
                    self.event_at(buf, k, sink);
                    if sink.not_standalone()? == 0 {
                        return self.err(buf, E_NOT_STANDALONE, k);
                    }
                }
                k = ne + 1;
                continue;
            }
            if at(buf, k, "<!ENTITY") {
                k = self.entity_decl(buf, k, sink)?;
            } else if at(buf, k, "<!ATTLIST") {
                k = self.attlist_decl(buf, k, sink)?;
            } else if at(buf, k, "<!ELEMENT") {
                k = self.element_decl(buf, k, sink)?;
            } else if at(buf, k, "<!NOTATION") {
                k = self.notation_decl(buf, k, sink)?;
            } else {
                return self.err(buf, E_SYNTAX, k);
            }
        }
    }

    /// Splits a markup declaration starting at `k` into tokens up to its
    /// `>`: names, literals (with quotes), and single punctuation.
    fn decl_tokens(&self, buf: &[char], k: usize) -> R<(Vec<(usize, usize)>, usize)> {
        let mut toks = Vec::new();
        let mut j = k;
        while j < buf.len() && buf[j] != '>' {
            let c = buf[j];
            if is_space(c) {
                j += 1;
                continue;
            }
            if c == '"' || c == '\'' {
                let Some(len) = buf[j + 1..].iter().position(|&x| x == c) else { return self.err(buf, E_SYNTAX, j) };
                toks.push((j, j + 2 + len));
                j += 2 + len;
                continue;
            }
            let mut e = j + 1;
            if is_name_char(c) || c == '#' {
                while e < buf.len() && is_name_char(buf[e]) {
                    e += 1;
                }
            }
            toks.push((j, e));
            j = e;
        }
        if j >= buf.len() {
            return self.err(buf, E_SYNTAX, k);
        }
        Ok((toks, j))
    }

    fn entity_decl(&mut self, buf: &[char], k: usize, sink: &mut dyn Sink) -> R<usize> {
        let (toks, gt) = self.decl_tokens(buf, k + 8)?;
        let t = |n: usize| toks.get(n).map(|&(a, b)| s(&buf[a..b]));
        let mut n = 0;
        let is_pe = t(0).as_deref() == Some("%");
        if is_pe {
            n = 1;
        }
        let Some(name) = t(n) else { return self.err(buf, E_SYNTAX, gt) };
        if !name.starts_with(is_name_start) {
            return self.err(buf, E_SYNTAX, toks[n].0);
        }
        n += 1;
        let last = toks.last().map(|&(a, _)| a).unwrap_or(gt);
        let unq = |v: String| if v.len() >= 2 && (v.starts_with('"') || v.starts_with('\'')) { v[1..v.len() - 1].to_string() } else { v };
        let is_lit = |v: &Option<String>| v.as_deref().map(|x| x.starts_with('"') || x.starts_with('\'')).unwrap_or(false);
        let mut entity = Entity { value: None, sysid: None, pubid: None, notation: None, open: false };
        let mut value_text = None;
        if is_lit(&t(n)) {
            let (a, b) = toks[n];
            let mut v = Vec::new();
            self.entity_value(buf, a + 1, b - 1, &mut v)?;
            value_text = Some(s(&v));
            entity.value = Some(v);
            n += 1;
        } else {
            match t(n).as_deref() {
                Some("SYSTEM") => {
                    if !is_lit(&t(n + 1)) {
                        return self.err(buf, E_SYNTAX, k);
                    }
                    entity.sysid = t(n + 1).map(unq);
                    n += 2;
                }
                Some("PUBLIC") => {
                    if !is_lit(&t(n + 1)) || !is_lit(&t(n + 2)) {
                        return self.err(buf, E_SYNTAX, k);
                    }
                    entity.pubid = t(n + 1).map(unq);
                    entity.sysid = t(n + 2).map(unq);
                    n += 3;
                }
                _ => return self.err(buf, E_SYNTAX, toks.get(n).map(|x| x.0).unwrap_or(gt)),
            }
            if !is_pe && t(n).as_deref() == Some("NDATA") {
                let Some(nota) = t(n + 1) else { return self.err(buf, E_SYNTAX, gt) };
                entity.notation = Some(nota);
                n += 2;
            }
        }
        if n != toks.len() {
            return self.err(buf, E_SYNTAX, toks[n].0);
        }
        let table = if is_pe { &self.param_entities } else { &self.entities };
        let first = !table.contains_key(&name) && self.keep_processing;
        if first {
            // expat reports an internal entity at its value, an unparsed one at
            // its notation, an external one at the closing '>'.
            self.event_at(buf, if entity.value.is_some() || entity.notation.is_some() { last } else { gt }, sink);
            let base = self.base.clone();
            if let (Some(nota), Some(sysid), true) = (&entity.notation, &entity.sysid, sink.has(H::UnparsedEntityDecl)) {
                sink.unparsed_entity_decl(&name, base.as_deref(), sysid, entity.pubid.as_deref(), nota)?;
            } else if sink.has(H::EntityDecl) {
                sink.entity_decl(
                    &name,
                    is_pe,
                    value_text.as_deref(),
                    if value_text.is_some() { None } else { base.as_deref() },
                    entity.sysid.as_deref(),
                    entity.pubid.as_deref(),
                    entity.notation.as_deref(),
                )?;
            } else {
                self.report_decl_default(sink, buf, k, gt + 1)?;
            }
            if is_pe {
                self.param_entities.insert(name, entity);
            } else {
                self.entities.insert(name, entity);
            }
        } else {
            self.report_decl_default(sink, buf, k, gt + 1)?;
        }
        Ok(gt + 1)
    }

    /// An entity value literal: character references expanded, general
    /// entity references kept as written.
    fn entity_value(&self, buf: &[char], from: usize, to: usize, out: &mut Vec<char>) -> R<()> {
        let mut k = from;
        while k < to {
            let c = buf[k];
            if c == '&' {
                let (e, r) = self.parse_ref(&buf[..to], k).map_err(|e| match e {
                    Stop::More => Stop::Err(E_INVALID_TOKEN, self.pos_at(buf, to)),
                    e => e,
                })?;
                match r {
                    Ref::Char(c) => out.push(c),
                    Ref::Entity(_) => out.extend_from_slice(&buf[k..e]),
                }
                k = e;
                continue;
            }
            if c == '%' {
                return self.err(buf, E_SYNTAX, k);
            }
            if !is_xml_char(c) {
                return self.err(buf, E_INVALID_TOKEN, k);
            }
            if c == '\r' {
                out.push('\n');
                if buf.get(k + 1) == Some(&'\n') {
                    k += 1;
                }
            } else {
                out.push(c);
            }
            k += 1;
        }
        Ok(())
    }

    fn attlist_decl(&mut self, buf: &[char], k: usize, sink: &mut dyn Sink) -> R<usize> {
        let (toks, gt) = self.decl_tokens(buf, k + 9)?;
        let t = |n: usize| toks.get(n).map(|&(a, b)| s(&buf[a..b]));
        let Some(el) = t(0) else { return self.err(buf, E_SYNTAX, gt) };
        let mut n = 1;
        let mut reported_any = false;
        while n < toks.len() {
            let Some(att) = t(n) else { break };
            n += 1;
            // The type: a name or an enumeration "(a|b)", NOTATION (a|b).
            let mut ty = String::new();
            if t(n).as_deref() == Some("NOTATION") {
                ty.push_str("NOTATION");
                n += 1;
            }
            if t(n).as_deref() == Some("(") {
                ty.push('(');
                n += 1;
                while let Some(tok) = t(n) {
                    n += 1;
                    ty.push_str(&tok);
                    if tok == ")" {
                        break;
                    }
                }
            } else if ty.is_empty() {
                let Some(tn) = t(n) else { return self.err(buf, E_SYNTAX, gt) };
                if !matches!(tn.as_str(), "CDATA" | "ID" | "IDREF" | "IDREFS" | "ENTITY" | "ENTITIES" | "NMTOKEN" | "NMTOKENS") {
                    return self.err(buf, E_SYNTAX, toks[n].0);
                }
                ty = tn;
                n += 1;
            }
            let (default, required, last_tok) = match t(n).as_deref() {
                Some(kw) if kw.starts_with('#') => {
                    let pos = toks[n].0;
                    match kw {
                        "#REQUIRED" => {
                            n += 1;
                            (None, true, pos)
                        }
                        "#IMPLIED" => {
                            n += 1;
                            (None, false, pos)
                        }
                        "#FIXED" => {
                            let Some(lit) = t(n + 1) else { return self.err(buf, E_SYNTAX, gt) };
                            if !lit.starts_with('"') && !lit.starts_with('\'') {
                                return self.err(buf, E_SYNTAX, toks[n + 1].0);
                            }
                            let (a, b) = toks[n + 1];
                            let mut v = String::new();
                            self.attr_value(buf, a + 1, b - 1, &mut v, 0)?;
                            n += 2;
                            (Some(v), true, a)
                        }
                        _ => return self.err(buf, E_SYNTAX, pos),
                    }
                }
                Some(lit) if lit.starts_with('"') || lit.starts_with('\'') => {
                    let (a, b) = toks[n];
                    let mut v = String::new();
                    self.attr_value(buf, a + 1, b - 1, &mut v, 0)?;
                    n += 1;
                    (Some(v), false, a)
                }
                _ => return self.err(buf, E_SYNTAX, toks.get(n).map(|x| x.0).unwrap_or(gt)),
            };
            let tokenized = ty != "CDATA";
            let default = match (default, tokenized) {
                (Some(v), true) => Some(v.split(' ').filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")),
                (d, _) => d,
            };
            let keep = self.keep_processing;
            let defs = self.att_defs.entry(el.clone()).or_default();
            if keep && !defs.iter().any(|d| d.name == att) {
                defs.push(AttDef { name: att.clone(), default: default.clone(), tokenized });
                if sink.has(H::AttlistDecl) {
                    self.event_at(buf, last_tok, sink);
                    sink.attlist_decl(&el, &att, &ty, default.as_deref(), required)?;
                    reported_any = true;
                }
            }
        }
        if !reported_any {
            self.report_decl_default(sink, buf, k, gt + 1)?;
        }
        Ok(gt + 1)
    }

    fn element_decl(&mut self, buf: &[char], k: usize, sink: &mut dyn Sink) -> R<usize> {
        let (toks, gt) = self.decl_tokens(buf, k + 9)?;
        let t = |n: usize| toks.get(n).map(|&(a, b)| s(&buf[a..b])).unwrap_or_default();
        let name = t(0);
        if name.is_empty() || !name.starts_with(is_name_start) {
            return self.err(buf, E_SYNTAX, k);
        }
        let mut n = 1;
        let model = match t(1).as_str() {
            "EMPTY" => {
                n = 2;
                Model { ctype: 1, quant: 0, name: None, children: Vec::new() }
            }
            "ANY" => {
                n = 2;
                Model { ctype: 2, quant: 0, name: None, children: Vec::new() }
            }
            "(" => {
                let strs: Vec<String> = (0..toks.len()).map(t).collect();
                match parse_model(&strs, &mut n) {
                    Some(m) => m,
                    None => return self.err(buf, E_SYNTAX, toks.get(n).map(|x| x.0).unwrap_or(gt)),
                }
            }
            _ => return self.err(buf, E_SYNTAX, toks.get(1).map(|x| x.0).unwrap_or(gt)),
        };
        if n != toks.len() {
            return self.err(buf, E_SYNTAX, toks[n].0);
        }
        if sink.has(H::ElementDecl) {
            // expat reports at the last token (a closing parenthesis with
            // its quantifier counts as one).
            let mut last = toks.last().map(|x| x.0).unwrap_or(gt);
            if toks.len() >= 2 && matches!(buf[last], '*' | '+' | '?') && buf[toks[toks.len() - 2].0] == ')' {
                last = toks[toks.len() - 2].0;
            }
            self.event_at(buf, last, sink);
            sink.element_decl(&name, &model)?;
        } else {
            self.report_decl_default(sink, buf, k, gt + 1)?;
        }
        Ok(gt + 1)
    }

    fn notation_decl(&mut self, buf: &[char], k: usize, sink: &mut dyn Sink) -> R<usize> {
        let (toks, gt) = self.decl_tokens(buf, k + 10)?;
        let t = |n: usize| toks.get(n).map(|&(a, b)| s(&buf[a..b]));
        let Some(name) = t(0) else { return self.err(buf, E_SYNTAX, gt) };
        let unq = |v: String| if v.len() >= 2 && (v.starts_with('"') || v.starts_with('\'')) { v[1..v.len() - 1].to_string() } else { v };
        let (sysid, pubid) = match t(1).as_deref() {
            Some("SYSTEM") => (t(2).map(unq), None),
            Some("PUBLIC") => (t(3).map(unq), t(2).map(unq)),
            _ => return self.err(buf, E_SYNTAX, toks.get(1).map(|x| x.0).unwrap_or(gt)),
        };
        if sink.has(H::NotationDecl) {
            let last = if sysid.is_some() { toks.last().map(|x| x.0).unwrap_or(gt) } else { gt };
            self.event_at(buf, last, sink);
            let base = self.base.clone();
            sink.notation_decl(&name, base.as_deref(), sysid.as_deref(), pubid.as_deref())?;
        } else {
            self.report_decl_default(sink, buf, k, gt + 1)?;
        }
        Ok(gt + 1)
    }
}

enum Ref {
    Char(char),
    Entity(String),
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

/// A pseudo-attribute's value in an XML declaration's text.
/// Also the offset of the value in the text (which is ASCII).
fn decl_pseudo_attr(decl: &[char], name: &str) -> Option<(String, usize)> {
    let text: String = decl.iter().collect();
    let at = text.find(name)?;
    let rest = text[at + name.len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value_at = text.len() - rest.len() + 1;
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let body = &rest[1..];
    Some((body[..body.find(q)?].to_string(), value_at))
}

fn quant_of(tok: Option<&String>) -> u32 {
    match tok.map(|s| s.as_str()) {
        Some("?") => 1,
        Some("*") => 2,
        Some("+") => 3,
        _ => 0,
    }
}

/// A content model from its tokens, `toks[*n]` being "(".
fn parse_model(toks: &[String], n: &mut usize) -> Option<Model> {
    if toks.get(*n)? != "(" {
        return None;
    }
    *n += 1;
    if toks.get(*n)? == "#PCDATA" {
        *n += 1;
        let mut children = Vec::new();
        loop {
            match toks.get(*n)?.as_str() {
                "|" => {
                    let name = toks.get(*n + 1)?.clone();
                    children.push(Model { ctype: 4, quant: 0, name: Some(name), children: Vec::new() });
                    *n += 2;
                }
                ")" => {
                    *n += 1;
                    let quant = if toks.get(*n).map(|s| s.as_str()) == Some("*") {
                        *n += 1;
                        2
                    } else if children.is_empty() {
                        0
                    } else {
                        return None;
                    };
                    return Some(Model { ctype: 3, quant, name: None, children });
                }
                _ => return None,
            }
        }
    }
    let mut children = Vec::new();
    let mut sep: Option<String> = None;
    loop {
        let child = if toks.get(*n)? == "(" {
            parse_model(toks, n)?
        } else {
            let name = toks.get(*n)?.clone();
            if !name.starts_with(is_name_start) {
                return None;
            }
            *n += 1;
            let quant = quant_of(toks.get(*n));
            if quant != 0 {
                *n += 1;
            }
            Model { ctype: 4, quant, name: Some(name), children: Vec::new() }
        };
        children.push(child);
        let tok = toks.get(*n)?.clone();
        *n += 1;
        match tok.as_str() {
            ")" => break,
            "|" | "," => {
                if sep.as_deref().map(|s| s != tok).unwrap_or(false) {
                    return None;
                }
                sep = Some(tok);
            }
            _ => return None,
        }
    }
    let quant = quant_of(toks.get(*n));
    if quant != 0 {
        *n += 1;
    }
    let ctype = if sep.as_deref() == Some("|") { 5 } else { 6 };
    Some(Model { ctype, quant, name: None, children })
}
