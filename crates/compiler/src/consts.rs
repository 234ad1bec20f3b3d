//! `co_consts` of one code unit: constants are merged by CPython's
//! `_PyCode_ConstantKey` (type and value, with -0.0 distinct from 0.0, True
//! distinct from 1, a frozenset equal to any other with the same items).

use num_bigint::BigInt;
use pyrite_bytecode::code::{CodeObject, ConstValue};
use pyrite_syntax::ast::Constant;
use pyrite_syntax::pystr::PyStr;
use crate::fxhash::FxHashMap as HashMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    /// A NaN float or a complex with a NaN part: equal only to itself (the
    /// AST node it came from), as CPython's constant keys compare NaNs.
    NanObject(usize),
    Complex(u64, u64),
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code(CodeKey),
}

/// A code object as a constant key: equal when `code_richcompare` says so
/// (name, counts, flags, first line, bytecode, constants by key, names,
/// locals, line and exception tables), so that a body compiled twice (a
/// `finally` block, a `while` test) yields one constant.
#[derive(Clone, Debug)]
pub struct CodeKey(pub Rc<CodeObject>);

impl CodeKey {
    fn fields(&self) -> impl PartialOrd + '_ {
        let c = &*self.0;
        (
            &c.name,
            (c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.firstlineno),
            &c.code,
            &c.names,
            &c.localsplusnames,
            &c.linetable,
            &c.exceptiontable,
        )
    }

    fn const_keys(&self) -> Vec<ConstKey> {
        self.0.consts.iter().map(const_key).collect()
    }
}

impl PartialEq for CodeKey {
    fn eq(&self, other: &CodeKey) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || (self.fields() == other.fields() && self.const_keys() == other.const_keys())
    }
}

impl Eq for CodeKey {}

impl std::hash::Hash for CodeKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // A cheap subset of the compared fields.
        self.0.name.hash(state);
        self.0.firstlineno.hash(state);
        self.0.code.len().hash(state);
        self.0.linetable.hash(state);
    }
}

impl PartialOrd for CodeKey {
    fn partial_cmp(&self, other: &CodeKey) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CodeKey {
    fn cmp(&self, other: &CodeKey) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        match self.fields().partial_cmp(&other.fields()) {
            Some(std::cmp::Ordering::Equal) | None => self.const_keys().cmp(&other.const_keys()),
            Some(o) => o,
        }
    }
}

pub fn const_key(c: &ConstValue) -> ConstKey {
    match c {
        ConstValue::None => ConstKey::None,
        ConstValue::Ellipsis => ConstKey::Ellipsis,
        ConstValue::Bool(b) => ConstKey::Bool(*b),
        ConstValue::Int(i) => ConstKey::Int(BigInt::from(*i)),
        ConstValue::BigInt(b) => ConstKey::Int((**b).clone()),
        ConstValue::Float(f) => ConstKey::Float(f.to_bits()),
        ConstValue::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        ConstValue::Str(s) => ConstKey::Str(s.clone()),
        ConstValue::Bytes(b) => ConstKey::Bytes(b.clone()),
        ConstValue::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        ConstValue::FrozenSet(t) => {
            let mut keys: Vec<ConstKey> = t.iter().map(const_key).collect();
            keys.sort();
            ConstKey::FrozenSet(keys)
        }
        ConstValue::Code(c) => ConstKey::Code(CodeKey(c.clone())),
    }
}

/// The key of an AST constant; `NaN`s are keyed by their node's address.
pub fn const_key_ast(c: &Constant) -> ConstKey {
    match c {
        Constant::Float(f) if f.is_nan() => ConstKey::NanObject(c as *const Constant as usize),
        Constant::Complex { real, imag } if real.is_nan() || imag.is_nan() => {
            ConstKey::NanObject(c as *const Constant as usize)
        }
        Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key_ast).collect()),
        Constant::FrozenSet(items) => {
            let mut keys: Vec<ConstKey> = items.iter().map(const_key_ast).collect();
            keys.sort();
            ConstKey::FrozenSet(keys)
        }
        _ => const_key(&from_ast(c)),
    }
}

/// The `co_consts` value of an AST constant.
pub fn from_ast(c: &Constant) -> ConstValue {
    match c {
        Constant::None => ConstValue::None,
        Constant::Bool(b) => ConstValue::Bool(*b),
        Constant::Ellipsis => ConstValue::Ellipsis,
        Constant::Int(i) => ConstValue::Int(*i),
        Constant::BigInt(b) => ConstValue::BigInt(Rc::new((**b).clone())),
        Constant::Float(f) => ConstValue::Float(*f),
        Constant::Complex { real, imag } => ConstValue::Complex { real: *real, imag: *imag },
        Constant::Str(s) => ConstValue::Str(Rc::new(s.clone())),
        Constant::Bytes(b) => ConstValue::Bytes(Rc::from(b.as_slice())),
        Constant::Tuple(items) => ConstValue::Tuple(items.iter().map(from_ast).collect()),
        Constant::FrozenSet(items) => ConstValue::FrozenSet(items.iter().map(from_ast).collect()),
    }
}

pub fn is_truthy(c: &ConstValue) -> bool {
    match c {
        ConstValue::None => false,
        ConstValue::Bool(b) => *b,
        ConstValue::Ellipsis => true,
        ConstValue::Int(i) => *i != 0,
        ConstValue::BigInt(b) => **b != BigInt::from(0),
        ConstValue::Float(f) => *f != 0.0,
        ConstValue::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        ConstValue::Str(s) => !s.is_empty(),
        ConstValue::Bytes(b) => !b.is_empty(),
        ConstValue::Tuple(t) | ConstValue::FrozenSet(t) => !t.is_empty(),
        ConstValue::Code(_) => true,
    }
}

#[derive(Default)]
pub struct ConstPool {
    list: Vec<ConstValue>,
    keys: Vec<ConstKey>,
    index: HashMap<ConstKey, usize>,
}

impl ConstPool {
    pub fn add(&mut self, c: ConstValue) -> usize {
        let key = const_key(&c);
        self.add_keyed(c, key)
    }

    pub fn add_keyed(&mut self, c: ConstValue, key: ConstKey) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.list.len();
        self.list.push(c);
        self.keys.push(key.clone());
        self.index.insert(key, i);
        i
    }

    /// Adds the tuple of the constants at `items` (made by the CFG optimizer):
    /// reused when an equal constant is already present, appended otherwise.
    pub fn add_folded_tuple(&mut self, items: &[usize]) -> usize {
        let values: Vec<ConstValue> = items.iter().map(|&i| self.get(i)).collect();
        let key = ConstKey::Tuple(items.iter().map(|&i| self.keys.get(i).cloned().unwrap_or(ConstKey::None)).collect());
        self.add_keyed(ConstValue::Tuple(Rc::from(values)), key)
    }

    pub fn get(&self, i: usize) -> ConstValue {
        self.list.get(i).cloned().unwrap_or(ConstValue::None)
    }

    pub fn truncate(&mut self, n: usize) {
        if n < self.list.len() {
            self.list.truncate(n);
            self.keys.truncate(n);
            self.index.retain(|_, v| *v < n);
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_vec(self) -> Vec<ConstValue> {
        self.list
    }
}

/// Python `==` between constant values, for frozenset de-duplication.
pub fn py_eq_value(a: &ConstValue, b: &ConstValue) -> bool {
    fn to_ast(c: &ConstValue) -> Option<Constant> {
        Some(match c {
            ConstValue::None => Constant::None,
            ConstValue::Bool(b) => Constant::Bool(*b),
            ConstValue::Ellipsis => Constant::Ellipsis,
            ConstValue::Int(i) => Constant::Int(*i),
            ConstValue::BigInt(b) => Constant::BigInt(Box::new((**b).clone())),
            ConstValue::Float(f) => Constant::Float(*f),
            ConstValue::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
            ConstValue::Str(s) => Constant::Str((**s).clone()),
            ConstValue::Bytes(b) => Constant::Bytes(b.to_vec()),
            ConstValue::Tuple(t) => Constant::Tuple(t.iter().map(to_ast).collect::<Option<Vec<_>>>()?),
            ConstValue::FrozenSet(t) => Constant::FrozenSet(t.iter().map(to_ast).collect::<Option<Vec<_>>>()?),
            ConstValue::Code(_) => return None,
        })
    }
    match (to_ast(a), to_ast(b)) {
        (Some(x), Some(y)) => pyrite_syntax::semantic::consts::py_eq(&x, &y),
        _ => false,
    }
}
