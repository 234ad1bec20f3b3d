//! `pyexpat`: the XML parser behind xml.etree, xml.dom.minidom, xml.sax,
//! plistlib and xmlrpc, with CPython's Python-facing API (Modules/pyexpat.c):
//! `ParserCreate`, the `xmlparser` type with its handler attributes,
//! `ExpatError`, and the `errors` and `model` submodules. The parser itself
//! (expat's part) is [`xml`].

mod xml;

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::{self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::BytesObject;
use crate::objects::dict::DictObject;
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::module::new_module;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use xml::{Abort, Model, Outcome, Parser, Pos, Sink, H, HR, MESSAGES};

static XMLPARSER: NativeType = NativeType::new();
/// `xml.parsers.expat.ExpatError`, made at the first import (process-wide).
static ERROR: GilCell<Option<Value>> = GilCell::new(None);

/// The handler attributes, in CPython's order.
const HANDLERS: [&str; 23] = [
    "StartElementHandler",
    "EndElementHandler",
    "ProcessingInstructionHandler",
    "CharacterDataHandler",
    "UnparsedEntityDeclHandler",
    "NotationDeclHandler",
    "StartNamespaceDeclHandler",
    "EndNamespaceDeclHandler",
    "CommentHandler",
    "StartCdataSectionHandler",
    "EndCdataSectionHandler",
    "DefaultHandler",
    "DefaultHandlerExpand",
    "NotStandaloneHandler",
    "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "EntityDeclHandler",
    "XmlDeclHandler",
    "ElementDeclHandler",
    "AttlistDeclHandler",
    "SkippedEntityHandler",
    "_unused",
];
const START_ELEMENT: usize = 0;
const END_ELEMENT: usize = 1;
const PI: usize = 2;
const CHARACTER_DATA: usize = 3;
const UNPARSED_ENTITY_DECL: usize = 4;
const NOTATION_DECL: usize = 5;
const START_NS: usize = 6;
const END_NS: usize = 7;
const COMMENT: usize = 8;
const START_CDATA: usize = 9;
const END_CDATA: usize = 10;
const DEFAULT: usize = 11;
const DEFAULT_EXPAND: usize = 12;
const NOT_STANDALONE: usize = 13;
const EXTERNAL_ENTITY_REF: usize = 14;
const START_DOCTYPE: usize = 15;
const END_DOCTYPE: usize = 16;
const ENTITY_DECL: usize = 17;
const XML_DECL: usize = 18;
const ELEMENT_DECL: usize = 19;
const ATTLIST_DECL: usize = 20;
const SKIPPED_ENTITY: usize = 21;
const N_HANDLERS: usize = 22;

struct XmlParserObj {
    /// Taken out while a `Parse` runs (handlers may call back into us).
    parser: RefCell<Option<Parser>>,
    handlers: RefCell<Vec<Option<Value>>>,
    /// Which default handler expat would call: DEFAULT, DEFAULT_EXPAND or none
    /// (both attributes share one expat slot; the last one set wins).
    default_slot: Cell<Option<usize>>,
    intern: Option<Value>,
    ns: Option<Option<char>>,
    /// The character data buffer when `buffer_text` is on.
    buffer: RefCell<Option<String>>,
    buffer_size: Cell<i64>,
    ordered_attributes: Cell<bool>,
    specified_attributes: Cell<bool>,
    ns_prefixes: Cell<bool>,
    in_callback: Cell<bool>,
    /// The position of the event being reported, or where parsing stopped.
    cur: Cell<Pos>,
    started: Cell<bool>,
    error: Cell<Option<(u32, Pos)>>,
}

impl NativeData for XmlParserObj {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(h) = self.handlers.try_borrow() {
            h.iter().flatten().for_each(|v| visit(v));
        }
        if let Some(i) = &self.intern {
            visit(i);
        }
    }
    fn clear(&self) {
        if let Ok(mut h) = self.handlers.try_borrow_mut() {
            h.iter_mut().for_each(|v| *v = None);
        }
    }
}

impl XmlParserObj {
    fn handler(&self, n: usize) -> Option<Value> {
        self.handlers.borrow().get(n).cloned().flatten()
    }
    fn has(&self, n: usize) -> bool {
        self.handlers.borrow().get(n).map(|h| h.is_some()).unwrap_or(false)
    }
    /// After a handler raised: expat stops calling handlers.
    fn clear_handlers(&self) {
        self.handlers.borrow_mut().iter_mut().for_each(|v| *v = None);
        self.default_slot.set(None);
    }
}

fn expat_error_class() -> Option<Value> {
    // SAFETY: GIL held; the borrow ends here.
    unsafe { ERROR.get_mut() }.clone()
}

fn parser_type() -> &'static TypeObject {
    XMLPARSER.get_or_init(|st| {
        let t = init_native_type(st, "pyexpat", "xmlparser", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = None;
        });
        add_method_to(t, "Parse", xmlparser_parse);
        add_method_to(t, "ParseFile", xmlparser_parse_file);
        add_method_to(t, "SetBase", xmlparser_set_base);
        add_method_to(t, "GetBase", xmlparser_get_base);
        add_method_to(t, "GetInputContext", xmlparser_get_input_context);
        add_method_to(t, "ExternalEntityParserCreate", xmlparser_external_entity_parser_create);
        add_method_to(t, "SetParamEntityParsing", xmlparser_set_param_entity_parsing);
        add_method_to(t, "UseForeignDTD", xmlparser_use_foreign_dtd);
        add_getset_to(t, "ErrorCode", |vm, me| Ok(Value::int(obj(vm, me)?.error.get().map(|e| e.0 as i64).unwrap_or(0))), None);
        // expat's XML_GetErrorLineNumber and friends are its Current ones.
        add_getset_to(t, "ErrorLineNumber", |vm, me| Ok(Value::int(obj(vm, me)?.cur.get().line as i64)), None);
        add_getset_to(t, "ErrorColumnNumber", |vm, me| Ok(Value::int(obj(vm, me)?.cur.get().col as i64)), None);
        add_getset_to(
            t,
            "ErrorByteIndex",
            |vm, me| {
                let o = obj(vm, me)?;
                Ok(Value::int(if o.started.get() { o.cur.get().byte } else { -1 }))
            },
            None,
        );
        add_getset_to(t, "CurrentLineNumber", |vm, me| Ok(Value::int(obj(vm, me)?.cur.get().line as i64)), None);
        add_getset_to(t, "CurrentColumnNumber", |vm, me| Ok(Value::int(obj(vm, me)?.cur.get().col as i64)), None);
        add_getset_to(
            t,
            "CurrentByteIndex",
            |vm, me| {
                let o = obj(vm, me)?;
                Ok(Value::int(if o.started.get() { o.cur.get().byte } else { -1 }))
            },
            None,
        );
        add_getset_to(t, "buffer_text", |vm, me| Ok(Value::bool(obj(vm, me)?.buffer.borrow().is_some())), Some(set_buffer_text));
        add_getset_to(t, "buffer_size", |vm, me| Ok(Value::int(obj(vm, me)?.buffer_size.get())), Some(set_buffer_size));
        add_getset_to(
            t,
            "buffer_used",
            |vm, me| Ok(Value::int(obj(vm, me)?.buffer.borrow().as_ref().map(|b| b.len() as i64).unwrap_or(0))),
            None,
        );
        add_getset_to(t, "namespace_prefixes", |vm, me| Ok(Value::bool(obj(vm, me)?.ns_prefixes.get())), Some(set_ns_prefixes));
        add_getset_to(
            t,
            "ordered_attributes",
            |vm, me| Ok(Value::bool(obj(vm, me)?.ordered_attributes.get())),
            Some(|vm, me, v| {
                let b = bool_attr(vm, v)?;
                obj(vm, me)?.ordered_attributes.set(b);
                Ok(())
            }),
        );
        add_getset_to(
            t,
            "specified_attributes",
            |vm, me| Ok(Value::bool(obj(vm, me)?.specified_attributes.get())),
            Some(|vm, me, v| {
                let b = bool_attr(vm, v)?;
                obj(vm, me)?.specified_attributes.set(b);
                Ok(())
            }),
        );
        add_getset_to(t, "intern", |vm, me| Ok(obj(vm, me)?.intern.clone().unwrap_or_else(none)), None);
        macro_rules! handler_attrs {
            ($($n:expr),*) => {$(
                add_getset_to(
                    t,
                    HANDLERS[$n],
                    |vm, me| Ok(obj(vm, me)?.handler($n).unwrap_or_else(none)),
                    Some(|vm, me, v| set_handler(vm, me, $n, v)),
                );
            )*};
        }
        handler_attrs!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
    })
}

fn obj<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a XmlParserObj> {
    state::<XmlParserObj>(vm, me, "pyexpat.xmlparser")
}

fn cannot_delete(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::RuntimeError, "Cannot delete attribute")
}

fn bool_attr(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Err(cannot_delete(vm)),
        Some(v) => vm.is_true(&v),
    }
}

fn set_handler(vm: &mut Vm, me: &Value, n: usize, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(cannot_delete(vm)) };
    let o = obj(vm, me)?;
    if n == CHARACTER_DATA {
        flush(vm, o)?;
    }
    let v = if v.is_none() { None } else { Some(v) };
    if n == DEFAULT || n == DEFAULT_EXPAND {
        o.default_slot.set(if v.is_some() { Some(n) } else { None });
    }
    if let Some(slot) = o.handlers.borrow_mut().get_mut(n) {
        *slot = v;
    }
    Ok(())
}

fn set_buffer_text(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let b = bool_attr(vm, v)?;
    let o = obj(vm, me)?;
    if b {
        let mut buf = o.buffer.borrow_mut();
        if buf.is_none() {
            *buf = Some(String::new());
        }
    } else if o.buffer.borrow().is_some() {
        flush(vm, o)?;
        *o.buffer.borrow_mut() = None;
    }
    Ok(())
}

fn set_buffer_size(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else { return Err(cannot_delete(vm)) };
    let Some(i) = as_int(&v) else {
        return Err(vm.type_error("buffer_size must be an integer"));
    };
    let Some(n) = i.to_i64() else {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long"));
    };
    if n <= 0 {
        return Err(vm.value_error("buffer_size must be greater than zero"));
    }
    let o = obj(vm, me)?;
    if n == o.buffer_size.get() {
        return Ok(());
    }
    if n > i32::MAX as i64 {
        return Err(vm.value_error(format!("buffer_size must not be greater than {}", i32::MAX)));
    }
    if o.buffer.borrow().is_some() {
        flush(vm, o)?;
        *o.buffer.borrow_mut() = Some(String::new());
    }
    o.buffer_size.set(n);
    Ok(())
}

fn set_ns_prefixes(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let b = bool_attr(vm, v)?;
    obj(vm, me)?.ns_prefixes.set(b);
    Ok(())
}

/// Reports the buffered character data.
fn flush(vm: &mut Vm, o: &XmlParserObj) -> PyResult<()> {
    let text = match o.buffer.borrow_mut().as_mut() {
        Some(b) if !b.is_empty() => std::mem::take(b),
        _ => return Ok(()),
    };
    call_character_handler(vm, o, &text)
}

fn call_character_handler(vm: &mut Vm, o: &XmlParserObj, text: &str) -> PyResult<()> {
    let Some(h) = o.handler(CHARACTER_DATA) else { return Ok(()) };
    call_handler(vm, o, &h, &[new_str(text)]).map(|_| ())
}

fn call_handler(vm: &mut Vm, o: &XmlParserObj, h: &Value, args: &[Value]) -> PyResult<Value> {
    o.in_callback.set(true);
    let r = vm.call(h, args, None);
    o.in_callback.set(false);
    if r.is_err() {
        o.clear_handlers();
    }
    r
}

fn opt_str(s: Option<&str>) -> Value {
    s.map(new_str).unwrap_or_else(none)
}

/// The parser's side of the handlers: converts events to Python calls.
struct Bridge<'a> {
    vm: &'a mut Vm,
    o: &'a XmlParserObj,
    err: Option<PyErr>,
}

impl Bridge<'_> {
    fn fail(&mut self, e: PyErr) -> Abort {
        if self.err.is_none() {
            self.err = Some(e);
        }
        self.o.clear_handlers();
        Abort
    }

    fn intern(&mut self, s: &str) -> Result<Value, Abort> {
        let v = new_str(s);
        let Some(d) = self.o.intern.clone() else { return Ok(v) };
        let Some(dict) = d.downcast_ref::<DictObject>() else { return Ok(v) };
        match dict.get_item(self.vm, &v) {
            Ok(Some(existing)) => Ok(existing),
            Ok(None) => match dict.set_item(self.vm, v.clone(), v.clone()) {
                Ok(()) => Ok(v),
                Err(e) => Err(self.fail(e)),
            },
            Err(e) => Err(self.fail(e)),
        }
    }

    fn intern_opt(&mut self, s: Option<&str>) -> Result<Value, Abort> {
        match s {
            Some(s) => self.intern(s),
            None => Ok(none()),
        }
    }

    /// Calls handler `n` (if set) after flushing buffered text.
    fn call(&mut self, n: usize, args: &[Value]) -> Result<Option<Value>, Abort> {
        let Some(h) = self.o.handler(n) else { return Ok(None) };
        if let Err(e) = flush(self.vm, self.o) {
            return Err(self.fail(e));
        }
        match call_handler(self.vm, self.o, &h, args) {
            Ok(v) => Ok(Some(v)),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn int_result(&mut self, v: Option<Value>) -> Result<i64, Abort> {
        let Some(v) = v else { return Ok(0) };
        match as_int(&v).and_then(|i| i.to_i64()) {
            Some(i) => Ok(i),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", self.vm.type_name(&v));
                let e = self.vm.type_error(msg);
                Err(self.fail(e))
            }
        }
    }

    fn model(&mut self, m: &Model) -> Value {
        let children: Vec<Value> = m.children.iter().map(|c| self.model(c)).collect();
        new_tuple(vec![Value::int(m.ctype as i64), Value::int(m.quant as i64), opt_str(m.name.as_deref()), new_tuple(children)])
    }
}

impl Sink for Bridge<'_> {
    fn set_pos(&mut self, pos: Pos) {
        self.o.cur.set(pos);
    }

    fn has(&self, h: H) -> bool {
        let o = self.o;
        match h {
            H::CharacterData => o.has(CHARACTER_DATA),
            H::Comment => o.has(COMMENT),
            H::Pi => o.has(PI),
            H::StartElement => o.has(START_ELEMENT),
            H::EndElement => o.has(END_ELEMENT),
            H::Cdata => o.has(START_CDATA) || o.has(END_CDATA),
            H::XmlDecl => o.has(XML_DECL),
            H::Doctype => o.has(START_DOCTYPE) || o.has(END_DOCTYPE),
            H::EntityDecl => o.has(ENTITY_DECL),
            H::UnparsedEntityDecl => o.has(UNPARSED_ENTITY_DECL),
            H::NotationDecl => o.has(NOTATION_DECL),
            H::ElementDecl => o.has(ELEMENT_DECL),
            H::AttlistDecl => o.has(ATTLIST_DECL),
            H::SkippedEntity => o.has(SKIPPED_ENTITY),
            H::ExternalEntityRef => o.has(EXTERNAL_ENTITY_REF),
            H::NotStandalone => o.has(NOT_STANDALONE),
        }
    }

    fn default_mode(&self) -> Option<bool> {
        self.o.default_slot.get().map(|n| n == DEFAULT_EXPAND)
    }

    fn default(&mut self, text: &str) -> HR {
        if let Some(n) = self.o.default_slot.get() {
            self.call(n, &[new_str(text)])?;
        }
        Ok(())
    }

    fn xml_decl(&mut self, version: Option<&str>, encoding: Option<&str>, standalone: i32) -> HR {
        self.call(XML_DECL, &[opt_str(version), opt_str(encoding), Value::int(standalone as i64)])?;
        Ok(())
    }

    fn start_element(&mut self, name: &str, attrs: &[(String, String)], n_specified: usize) -> HR {
        if !self.o.has(START_ELEMENT) {
            return Ok(());
        }
        if let Err(e) = flush(self.vm, self.o) {
            return Err(self.fail(e));
        }
        let n = if self.o.specified_attributes.get() { n_specified } else { attrs.len() };
        let attrs = attrs.get(..n).unwrap_or(attrs);
        let container = if self.o.ordered_attributes.get() {
            let mut items = Vec::with_capacity(attrs.len() * 2);
            for (k, v) in attrs {
                items.push(self.intern(k)?);
                items.push(new_str(v));
            }
            new_list(items)
        } else {
            let d = DictObject::new_value();
            for (k, v) in attrs {
                let key = self.intern(k)?;
                if let Some(dict) = d.downcast_ref::<DictObject>() {
                    if let Err(e) = dict.set_item(self.vm, key, new_str(v)) {
                        return Err(self.fail(e));
                    }
                }
            }
            d
        };
        let name = self.intern(name)?;
        self.call(START_ELEMENT, &[name, container])?;
        Ok(())
    }

    fn end_element(&mut self, name: &str) -> HR {
        if self.o.has(END_ELEMENT) {
            let name = self.intern(name)?;
            self.call(END_ELEMENT, &[name])?;
        }
        Ok(())
    }

    fn characters(&mut self, text: &str) -> HR {
        let o = self.o;
        if !o.has(CHARACTER_DATA) {
            return Ok(());
        }
        if o.buffer.borrow().is_none() {
            if let Err(e) = call_character_handler(self.vm, o, text) {
                return Err(self.fail(e));
            }
            return Ok(());
        }
        let size = o.buffer_size.get() as usize;
        let used = o.buffer.borrow().as_ref().map(|b| b.len()).unwrap_or(0);
        if used + text.len() > size {
            if let Err(e) = flush(self.vm, o) {
                return Err(self.fail(e));
            }
            if !o.has(CHARACTER_DATA) {
                return Ok(());
            }
        }
        if text.len() > size {
            if let Err(e) = call_character_handler(self.vm, o, text) {
                return Err(self.fail(e));
            }
        } else if let Some(b) = o.buffer.borrow_mut().as_mut() {
            b.push_str(text);
        }
        Ok(())
    }

    fn pi(&mut self, target: &str, data: &str) -> HR {
        if self.o.has(PI) {
            let t = self.intern(target)?;
            self.call(PI, &[t, new_str(data)])?;
        }
        Ok(())
    }

    fn comment(&mut self, text: &str) -> HR {
        self.call(COMMENT, &[new_str(text)])?;
        Ok(())
    }

    fn start_cdata(&mut self) -> HR {
        self.call(START_CDATA, &[])?;
        Ok(())
    }

    fn end_cdata(&mut self) -> HR {
        self.call(END_CDATA, &[])?;
        Ok(())
    }

    fn start_ns(&mut self, prefix: Option<&str>, uri: Option<&str>) -> HR {
        if self.o.has(START_NS) {
            let p = self.intern_opt(prefix)?;
            let u = self.intern_opt(uri)?;
            self.call(START_NS, &[p, u])?;
        }
        Ok(())
    }

    fn end_ns(&mut self, prefix: Option<&str>) -> HR {
        if self.o.has(END_NS) {
            let p = self.intern_opt(prefix)?;
            self.call(END_NS, &[p])?;
        }
        Ok(())
    }

    fn start_doctype(&mut self, name: &str, sysid: Option<&str>, pubid: Option<&str>, internal: bool) -> HR {
        if self.o.has(START_DOCTYPE) {
            let args = [self.intern(name)?, self.intern_opt(sysid)?, self.intern_opt(pubid)?, Value::int(internal as i64)];
            self.call(START_DOCTYPE, &args)?;
        }
        Ok(())
    }

    fn end_doctype(&mut self) -> HR {
        self.call(END_DOCTYPE, &[])?;
        Ok(())
    }

    fn entity_decl(
        &mut self,
        name: &str,
        is_pe: bool,
        value: Option<&str>,
        base: Option<&str>,
        sysid: Option<&str>,
        pubid: Option<&str>,
        notation: Option<&str>,
    ) -> HR {
        if self.o.has(ENTITY_DECL) {
            let args = [
                self.intern(name)?,
                Value::int(is_pe as i64),
                opt_str(value),
                self.intern_opt(base)?,
                self.intern_opt(sysid)?,
                self.intern_opt(pubid)?,
                self.intern_opt(notation)?,
            ];
            self.call(ENTITY_DECL, &args)?;
        }
        Ok(())
    }

    fn unparsed_entity_decl(&mut self, name: &str, base: Option<&str>, sysid: &str, pubid: Option<&str>, notation: &str) -> HR {
        if self.o.has(UNPARSED_ENTITY_DECL) {
            let args = [self.intern(name)?, self.intern_opt(base)?, self.intern(sysid)?, self.intern_opt(pubid)?, self.intern(notation)?];
            self.call(UNPARSED_ENTITY_DECL, &args)?;
        }
        Ok(())
    }

    fn notation_decl(&mut self, name: &str, base: Option<&str>, sysid: Option<&str>, pubid: Option<&str>) -> HR {
        if self.o.has(NOTATION_DECL) {
            let args = [self.intern(name)?, self.intern_opt(base)?, self.intern_opt(sysid)?, self.intern_opt(pubid)?];
            self.call(NOTATION_DECL, &args)?;
        }
        Ok(())
    }

    fn element_decl(&mut self, name: &str, model: &Model) -> HR {
        if self.o.has(ELEMENT_DECL) {
            let m = self.model(model);
            let n = self.intern(name)?;
            self.call(ELEMENT_DECL, &[n, m])?;
        }
        Ok(())
    }

    fn attlist_decl(&mut self, el: &str, att: &str, ty: &str, default: Option<&str>, required: bool) -> HR {
        if self.o.has(ATTLIST_DECL) {
            let args = [self.intern(el)?, self.intern(att)?, new_str(ty), opt_str(default), Value::int(required as i64)];
            self.call(ATTLIST_DECL, &args)?;
        }
        Ok(())
    }

    fn skipped_entity(&mut self, name: &str, is_pe: bool) -> HR {
        if self.o.has(SKIPPED_ENTITY) {
            let n = self.intern(name)?;
            self.call(SKIPPED_ENTITY, &[n, Value::int(is_pe as i64)])?;
        }
        Ok(())
    }

    fn external_entity_ref(&mut self, context: Option<&str>, base: Option<&str>, sysid: Option<&str>, pubid: Option<&str>) -> Result<i64, Abort> {
        let args = [opt_str(context), self.intern_opt(base)?, self.intern_opt(sysid)?, self.intern_opt(pubid)?];
        let r = self.call(EXTERNAL_ENTITY_REF, &args)?;
        self.int_result(r)
    }

    fn not_standalone(&mut self) -> Result<i64, Abort> {
        let r = self.call(NOT_STANDALONE, &[])?;
        self.int_result(r)
    }

    fn unknown_encoding(&mut self, name: &str) -> Result<Option<Box<[i32; 256]>>, Abort> {
        // As pyexpat: decode all 256 bytes with the Python codec.
        let all: Vec<u8> = (0..=255u8).collect();
        let bytes = crate::objects::bytes::new_bytes(&all);
        let r = self.vm.call_method(&bytes, "decode", &[new_str(name), new_str("replace")]);
        let text = match r {
            Ok(t) => t,
            Err(e) => return Err(self.fail(e)),
        };
        let Some(s) = text.downcast_ref::<StrObject>() else { return Ok(None) };
        if s.len() != 256 {
            let e = self.vm.value_error("multi-byte encodings are not supported");
            return Err(self.fail(e));
        }
        let mut table = Box::new([0i32; 256]);
        for (i, cp) in s.code_points().enumerate().take(256) {
            table[i] = if cp == 0xFFFD { -1 } else { cp as i32 };
        }
        Ok(Some(table))
    }
}

/// The ExpatError for `code` at `pos`, as pyexpat's set_error.
fn expat_error(vm: &mut Vm, code: u32, pos: Pos) -> PyErr {
    let msg = format!("{}: line {}, column {}", MESSAGES.get(code as usize).copied().unwrap_or(""), pos.line, pos.col);
    let Some(cls) = expat_error_class() else { return vm.new_error(ExcKind::Exception, msg) };
    let e = match vm.call(&cls, &[new_str(&msg)], None) {
        Ok(e) => e,
        Err(e) => return e,
    };
    for (name, v) in [("code", code as i64), ("offset", pos.col as i64), ("lineno", pos.line as i64)] {
        let n = vm.intern(name);
        if let Err(err) = vm.setattr(&e, &n, Value::int(v)) {
            return err;
        }
    }
    PyErr::new(e)
}

/// Runs the parser over one chunk; the result as `Parse` returns it.
fn parse_chunk(vm: &mut Vm, o: &XmlParserObj, data: &[u8], is_final: bool, force_utf8: bool) -> PyResult<Value> {
    let Some(mut parser) = o.parser.borrow_mut().take() else {
        return Err(vm.new_error(ExcKind::RuntimeError, "parser is already parsing"));
    };
    if force_utf8 && !parser.started() {
        parser.force_utf8();
    }
    parser.ns_triplets = o.ns_prefixes.get();
    if !data.is_empty() {
        o.started.set(true);
    }
    let (outcome, err) = {
        let mut bridge = Bridge { vm, o, err: None };
        let outcome = parser.feed(data, is_final, &mut bridge);
        (outcome, bridge.err)
    };
    let pos = parser.current_pos();
    let error = parser.error;
    *o.parser.borrow_mut() = Some(parser);
    if let Some(e) = err {
        return Err(e);
    }
    match outcome {
        Outcome::Ok => {
            o.cur.set(pos);
            flush(vm, o)?;
            Ok(Value::int(1))
        }
        Outcome::Error(code) => {
            let at = error.map(|e| e.1).unwrap_or(pos);
            o.error.set(Some((code, at)));
            o.cur.set(at);
            Err(expat_error(vm, code, at))
        }
        Outcome::Aborted => Ok(Value::int(0)),
    }
}

fn xmlparser_parse(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (me, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    let me = me.clone();
    let a = ArgSpec::parse(vm, "Parse", &args[1..], kwnames, &["data", "isfinal"], 2, 1)?;
    let data = a[0].clone().unwrap_or_else(none);
    let is_final = match &a[1] {
        None => false,
        Some(v) => match as_int(v) {
            Some(i) => !i.is_zero(),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        },
    };
    let _keep = me;
    if let Some(s) = data.downcast_ref::<StrObject>() {
        let mut bytes = Vec::with_capacity(s.len());
        for (i, cp) in s.code_points().enumerate() {
            match char::from_u32(cp) {
                Some(c) => {
                    let mut b = [0u8; 4];
                    bytes.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                }
                None => {
                    let msg = format!(
                        "'utf-8' codec can't encode character '\\u{cp:04x}' in position {i}: surrogates not allowed"
                    );
                    return Err(vm.new_error(ExcKind::UnicodeEncodeError, msg));
                }
            }
        }
        return parse_chunk(vm, o, &bytes, is_final, true);
    }
    let bytes = crate::objects::memoryview::require_bytes_like(vm, &data)?.into_owned();
    parse_chunk(vm, o, &bytes, is_final, false)
}

fn xmlparser_parse_file(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    let a = ArgSpec::parse(vm, "ParseFile", &args[1..], kwnames, &["file"], 1, 1)?;
    let file = a[0].clone().unwrap_or_else(none);
    let name = vm.intern("read");
    let Some(read) = vm.lookup_attr(&file, &name)? else {
        return Err(vm.type_error("argument must have 'read' attribute"));
    };
    loop {
        let chunk = vm.call(&read, &[Value::int(2048)], None)?;
        let data: Vec<u8> = if let Some(b) = chunk.downcast_ref::<BytesObject>() {
            b.data().to_vec()
        } else if vm.type_name(&chunk) == "bytearray" {
            crate::objects::memoryview::require_bytes_like(vm, &chunk)?.into_owned()
        } else {
            let msg = format!("read() did not return a bytes object (type={})", vm.type_name(&chunk));
            return Err(vm.type_error(msg));
        };
        if data.len() > 2048 {
            let msg = format!("read() returned too much data: 2048 bytes requested, {} returned", data.len());
            return Err(vm.value_error(msg));
        }
        let last = data.is_empty();
        let r = parse_chunk(vm, o, &data, last, false)?;
        if last || as_int(&r).map(|i| i.is_zero()).unwrap_or(false) {
            return Ok(r);
        }
    }
}

fn str_arg(vm: &mut Vm, fname: &str, n: usize, v: &Value) -> PyResult<String> {
    match v.downcast_ref::<StrObject>() {
        Some(s) => Ok(s.to_string_lossy()),
        None => {
            let msg = format!("{fname}() argument {n} must be str, not {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn xmlparser_set_base(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    crate::args::check_no_kwargs(vm, "SetBase", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("SetBase() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let base = str_arg(vm, "SetBase", 1, &args[1])?;
    if let Some(p) = o.parser.borrow_mut().as_mut() {
        p.base = Some(base);
    }
    Ok(none())
}

fn xmlparser_get_base(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    crate::args::check_no_kwargs(vm, "GetBase", kwnames)?;
    Ok(opt_str(o.parser.borrow().as_ref().and_then(|p| p.base.as_deref())))
}

fn xmlparser_get_input_context(vm: &mut Vm, args: &[Value], _kwnames: KwNames) -> PyResult<Value> {
    let _ = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    Ok(none())
}

fn xmlparser_set_param_entity_parsing(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    crate::args::check_no_kwargs(vm, "SetParamEntityParsing", kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("SetParamEntityParsing() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let Some(flag) = as_int(&args[1]).and_then(|i| i.to_i64()) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&args[1]));
        return Err(vm.type_error(msg));
    };
    if o.started.get() || !(0..=2).contains(&flag) {
        return Ok(Value::int(0));
    }
    if let Some(p) = o.parser.borrow_mut().as_mut() {
        p.param_entity_parsing = flag;
    }
    Ok(Value::int(1))
}

fn xmlparser_use_foreign_dtd(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    let a = ArgSpec::parse(vm, "UseForeignDTD", &args[1..], kwnames, &["flag"], 1, 0)?;
    let flag = match &a[0] {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    if o.started.get() {
        return Err(expat_error(vm, 26, o.cur.get()));
    }
    if let Some(p) = o.parser.borrow_mut().as_mut() {
        p.use_foreign_dtd = flag;
    }
    Ok(none())
}

fn xmlparser_external_entity_parser_create(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (_, o) = self_arg::<XmlParserObj>(vm, args, "pyexpat.xmlparser")?;
    let a = ArgSpec::parse(vm, "ExternalEntityParserCreate", &args[1..], kwnames, &["context", "encoding"], 2, 1)?;
    if let Some(c) = &a[0] {
        if !c.is_none() && c.downcast_ref::<StrObject>().is_none() {
            let msg = format!("ExternalEntityParserCreate() argument 1 must be str or None, not {}", vm.type_name(c));
            return Err(vm.type_error(msg));
        }
    }
    let encoding = match &a[1] {
        Some(e) => Some(str_arg(vm, "ExternalEntityParserCreate", 2, e)?),
        None => None,
    };
    let parser = match o.parser.borrow().as_ref() {
        Some(p) => p.for_external_entity(encoding),
        // Called from a handler while the parser runs: a plain one.
        None => Parser::new(encoding, o.ns).into_external(),
    };
    let handlers = o.handlers.borrow().clone();
    let new = XmlParserObj {
        parser: RefCell::new(Some(parser)),
        handlers: RefCell::new(handlers),
        default_slot: Cell::new(o.default_slot.get()),
        intern: o.intern.clone(),
        ns: o.ns,
        buffer: RefCell::new(o.buffer.borrow().as_ref().map(|_| String::new())),
        buffer_size: Cell::new(o.buffer_size.get()),
        ordered_attributes: Cell::new(o.ordered_attributes.get()),
        specified_attributes: Cell::new(o.specified_attributes.get()),
        ns_prefixes: Cell::new(o.ns_prefixes.get()),
        in_callback: Cell::new(false),
        cur: Cell::new(Pos::START),
        started: Cell::new(false),
        error: Cell::new(None),
    };
    Ok(new_native(parser_type(), new))
}

fn parser_create(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "ParserCreate", args, kwnames, &["encoding", "namespace_separator", "intern"], 3, 0)?;
    let mut strs: [Option<String>; 2] = [None, None];
    for (n, name) in ["encoding", "namespace_separator"].iter().enumerate() {
        if let Some(v) = &a[n] {
            if v.is_none() {
                continue;
            }
            match v.downcast_ref::<StrObject>() {
                Some(s) => strs[n] = Some(s.to_string_lossy()),
                None => {
                    let msg = format!("ParserCreate() argument '{name}' must be str or None, not {}", vm.type_name(v));
                    return Err(vm.type_error(msg));
                }
            }
        }
    }
    let [encoding, sep] = strs;
    let ns = match &sep {
        None => None,
        Some(s) => {
            if s.len() > 1 {
                return Err(vm.value_error("namespace_separator must be at most one character, omitted, or None"));
            }
            Some(s.chars().next())
        }
    };
    let intern = match &a[2] {
        None => Some(DictObject::new_value()),
        Some(v) if v.is_none() => None,
        Some(v) => {
            if v.downcast_ref::<DictObject>().is_none() {
                return Err(vm.type_error("intern must be a dictionary"));
            }
            Some(v.clone())
        }
    };
    let o = XmlParserObj {
        parser: RefCell::new(Some(Parser::new(encoding, ns))),
        handlers: RefCell::new(vec![None; N_HANDLERS]),
        default_slot: Cell::new(None),
        intern,
        ns,
        buffer: RefCell::new(None),
        buffer_size: Cell::new(8192),
        ordered_attributes: Cell::new(false),
        specified_attributes: Cell::new(false),
        ns_prefixes: Cell::new(false),
        in_callback: Cell::new(false),
        cur: Cell::new(Pos::START),
        started: Cell::new(false),
        error: Cell::new(None),
    };
    Ok(new_native(parser_type(), o))
}

fn error_string(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "ErrorString", kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("ErrorString() takes exactly one argument ({} given)", args.len())));
    }
    let Some(code) = as_int(&args[0]) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&args[0]));
        return Err(vm.type_error(msg));
    };
    Ok(match code.to_i64() {
        Some(c) if c > 0 && (c as usize) < MESSAGES.len() => new_str(MESSAGES[c as usize]),
        _ => none(),
    })
}

const ERROR_NAMES: [&str; 44] = [
    "",
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
];

/// A submodule registered in sys.modules under its full name, as pyexpat's
/// add_submodule.
fn submodule(vm: &mut Vm, name: &str, doc: &str) -> Value {
    let m = new_module(name);
    if let Some(d) = m.downcast_ref::<crate::objects::module::ModuleObject>() {
        d.dict().insert_str_key("__doc__", new_str(doc));
    }
    if let Some(modules) = vm.modules_dict() {
        modules.insert_str_key(name, m.clone());
    }
    m
}

fn set_module_attr(m: &Value, name: &str, v: Value) {
    if let Some(d) = m.downcast_ref::<crate::objects::module::ModuleObject>() {
        d.dict().insert_str_key(name, v);
    }
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("pyexpat");
    m.doc("Python wrapper for Expat parser.");
    let err = match expat_error_class() {
        Some(e) => e,
        None => {
            let ns = DictObject::new_value();
            if let Some(d) = ns.downcast_ref::<DictObject>() {
                d.insert_str_key("__module__", new_str("xml.parsers.expat"));
            }
            let bases = new_tuple(vec![crate::exception::exc_type_value(ExcKind::Exception)]);
            let type_t = crate::typeobj::TYPE_TYPE.get().as_value();
            let e = vm.call(&type_t, &[new_str("ExpatError"), bases, ns], None)?;
            // SAFETY: GIL held; nothing else borrows the cell now.
            unsafe { *ERROR.get_mut() = Some(e.clone()) };
            e
        }
    };
    m.value("error", err.clone());
    m.value("ExpatError", err);
    m.value("XMLParserType", parser_type().as_value());
    m.str("EXPAT_VERSION", "expat_2.5.0");
    m.value("version_info", new_tuple(vec![Value::int(2), Value::int(5), Value::int(0)]));
    m.str("native_encoding", "UTF-8");
    let features: Vec<Value> = [
        ("sizeof(XML_Char)", 1),
        ("sizeof(XML_LChar)", 1),
        ("XML_DTD", 0),
        ("XML_CONTEXT_BYTES", 1024),
        ("XML_NS", 0),
        ("XML_BLAP_MAX_AMP", 100),
        ("XML_BLAP_ACT_THRES", 8388608),
    ]
    .iter()
    .map(|(n, v)| new_tuple(vec![new_str(n), Value::int(*v)]))
    .collect();
    m.value("features", new_list(features));
    m.int("XML_PARAM_ENTITY_PARSING_NEVER", 0);
    m.int("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", 1);
    m.int("XML_PARAM_ENTITY_PARSING_ALWAYS", 2);
    m.functions(&[("ParserCreate", parser_create), ("ErrorString", error_string)]);

    let errors = submodule(vm, "pyexpat.errors", "Constants used to describe error conditions.");
    let codes = DictObject::new_value();
    let messages = DictObject::new_value();
    for (code, name) in ERROR_NAMES.iter().enumerate().skip(1) {
        let msg = new_str(MESSAGES[code]);
        set_module_attr(&errors, name, msg.clone());
        if let (Some(c), Some(ms)) = (codes.downcast_ref::<DictObject>(), messages.downcast_ref::<DictObject>()) {
            c.set_item(vm, msg.clone(), Value::int(code as i64))?;
            ms.set_item(vm, Value::int(code as i64), msg)?;
        }
    }
    set_module_attr(&errors, "codes", codes);
    set_module_attr(&errors, "messages", messages);
    m.value("errors", errors);

    let model = submodule(vm, "pyexpat.model", "Constants used to interpret content model information.");
    for (name, v) in [
        ("XML_CTYPE_EMPTY", 1),
        ("XML_CTYPE_ANY", 2),
        ("XML_CTYPE_MIXED", 3),
        ("XML_CTYPE_NAME", 4),
        ("XML_CTYPE_CHOICE", 5),
        ("XML_CTYPE_SEQ", 6),
        ("XML_CQUANT_NONE", 0),
        ("XML_CQUANT_OPT", 1),
        ("XML_CQUANT_REP", 2),
        ("XML_CQUANT_PLUS", 3),
    ] {
        set_module_attr(&model, name, Value::int(v));
    }
    m.value("model", model);
    let _ = &HANDLERS[N_HANDLERS];
    Ok(m.finish())
}
