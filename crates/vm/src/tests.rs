//! Unit tests of the object model across modules: class creation, C3 MRO,
//! version tags, the method cache, shared-key instance attributes.

use crate::objects::dict::DictObject;
use crate::objects::str::display_lossy;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, TypeObject, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::Vm;

fn make_class(vm: &mut Vm, name: &str, bases: &[&Value], attrs: &[(&str, Value)]) -> Value {
    let ns = DictObject::new_value();
    if let Some(d) = ns.downcast_ref::<DictObject>() {
        d.insert_str_key("__module__", vm.new_str("t"));
        for (k, v) in attrs {
            d.insert_str_key(k, v.clone());
        }
    }
    let n = vm.new_str(name);
    let b = new_tuple(bases.iter().map(|v| (*v).clone()).collect());
    let t = TYPE_TYPE.get().as_value();
    vm.call(&t, &[n, b, ns], None).expect("class creation")
}

fn mro_names(v: &Value) -> Vec<String> {
    v.downcast_ref::<TypeObject>()
        .unwrap()
        .mro()
        .items()
        .iter()
        .map(|t| type_of_type_name(t))
        .collect()
}

fn type_of_type_name(t: &Value) -> String {
    display_lossy(t.downcast_ref::<TypeObject>().unwrap().name())
}

#[test]
fn c3_mro_of_a_diamond_and_its_error() {
    let mut vm = Vm::new_for_tests();
    let a = make_class(&mut vm, "A", &[], &[]);
    let b = make_class(&mut vm, "B", &[&a], &[]);
    let c = make_class(&mut vm, "C", &[&a], &[]);
    let d = make_class(&mut vm, "D", &[&b, &c], &[]);
    assert_eq!(mro_names(&d), ["D", "B", "C", "A", "object"]);
    let n = vm.new_str("Bad");
    let ns = DictObject::new_value();
    let bases = new_tuple(vec![b.clone(), a.clone(), c.clone()]);
    let err = vm.call(&TYPE_TYPE.get().as_value(), &[n, bases, ns], None).unwrap_err();
    let msg = vm.str_string(&err.exc).unwrap();
    assert_eq!(
        msg,
        "Cannot create a consistent method resolution\norder (MRO) for bases A, C"
    );
}

#[test]
fn version_tags_change_with_the_type_or_a_base() {
    let mut vm = Vm::new_for_tests();
    let a = make_class(&mut vm, "A", &[], &[("x", Value::int(1))]);
    let b = make_class(&mut vm, "B", &[&a], &[]);
    let (at, bt) = (
        a.downcast_ref::<TypeObject>().unwrap(),
        b.downcast_ref::<TypeObject>().unwrap(),
    );
    let (va, vb) = (at.version_tag(), bt.version_tag());
    assert!(va != 0 && vb != 0 && va != vb);
    let x = vm.intern("x");
    assert_eq!(bt.lookup(&x).and_then(|v| v.as_small_int()), Some(1));
    vm.setattr(&a, &x, Value::int(2)).unwrap();
    assert_ne!(at.version_tag(), va);
    assert_ne!(bt.version_tag(), vb);
    // The method cache does not serve the stale value.
    assert_eq!(bt.lookup(&x).and_then(|v| v.as_small_int()), Some(2));
    // Builtin types are immutable.
    let err = vm
        .setattr(&OBJECT_TYPE.get().as_value(), &x, Value::int(0))
        .unwrap_err();
    assert_eq!(
        vm.str_string(&err.exc).unwrap(),
        "cannot set 'x' attribute of immutable type 'object'"
    );
}

#[test]
fn instances_share_keys_and_keep_their_own_order() {
    let mut vm = Vm::new_for_tests();
    let cls = make_class(&mut vm, "P", &[], &[]);
    let p = vm.call(&cls, &[], None).unwrap();
    let q = vm.call(&cls, &[], None).unwrap();
    let (x, y) = (vm.intern("x"), vm.intern("y"));
    vm.setattr(&p, &x, Value::int(1)).unwrap();
    vm.setattr(&p, &y, Value::int(2)).unwrap();
    vm.setattr(&q, &y, Value::int(3)).unwrap();
    vm.setattr(&q, &x, Value::int(4)).unwrap();
    let keys = unsafe { &*type_of(&p).shared_keys.get() };
    assert_eq!(keys.names.len(), 2, "both instances use the class's two shared keys");
    assert_eq!(vm.getattr(&q, &x).unwrap().as_small_int(), Some(4));
    // __dict__ shows each instance's own insertion order.
    let qd = crate::attr::instance_dict(&q).unwrap();
    let order: Vec<String> = qd
        .downcast_ref::<DictObject>()
        .unwrap()
        .keys()
        .iter()
        .map(display_lossy)
        .collect();
    assert_eq!(order, ["y", "x"]);
    // Deleting then re-adding moves the attribute last.
    vm.delattr(&p, &x).unwrap();
    assert!(vm.lookup_attr(&p, &x).unwrap().is_none());
    vm.setattr(&p, &x, Value::int(5)).unwrap();
    let pd = crate::attr::instance_dict(&p).unwrap();
    let order: Vec<String> = pd
        .downcast_ref::<DictObject>()
        .unwrap()
        .keys()
        .iter()
        .map(display_lossy)
        .collect();
    assert_eq!(order, ["y", "x"]);
    let err = vm.delattr(&p, &vm.intern("nope")).unwrap_err();
    assert_eq!(vm.str_string(&err.exc).unwrap(), "'P' object has no attribute 'nope'");
}

#[test]
fn values_drop_their_objects() {
    let mut vm = Vm::new_for_tests();
    let l = crate::objects::list::new_list(vec![Value::int(1)]);
    assert_eq!(crate::object::refcount(&l), Some(1));
    let l2 = l.clone();
    assert_eq!(crate::object::refcount(&l), Some(2));
    drop(l2);
    assert_eq!(crate::object::refcount(&l), Some(1));
    // A million-deep nesting is freed without recursion (trashcan).
    let mut v = crate::objects::list::new_list(vec![]);
    for _ in 0..1_000_000 {
        v = crate::objects::list::new_list(vec![v]);
    }
    drop(v);
    let r = vm.repr_string(&l).unwrap();
    assert_eq!(r, "[1]");
}

#[test]
fn binary_ops_and_comparisons_through_slots() {
    let mut vm = Vm::new_for_tests();
    use crate::typeobj::{nb, CompareOp};
    let big = vm.binary_op(nb::POWER, &Value::int(2), &Value::int(100)).unwrap();
    assert_eq!(vm.repr_string(&big).unwrap(), "1267650600228229401496703205376");
    let f = vm
        .binary_op(nb::TRUE_DIVIDE, &Value::int(1), &Value::float(4.0))
        .unwrap();
    assert_eq!(f.as_float(), Some(0.25));
    let s = vm.binary_op(nb::ADD, &vm.new_str("ab"), &vm.new_str("cd")).unwrap();
    assert_eq!(vm.repr_string(&s).unwrap(), "'abcd'");
    let err = vm.binary_op(nb::ADD, &Value::int(1), &vm.new_str("x")).unwrap_err();
    assert_eq!(
        vm.str_string(&err.exc).unwrap(),
        "unsupported operand type(s) for +: 'int' and 'str'"
    );
    assert!(vm
        .compare_bool(&Value::int(3), &Value::float(3.0), CompareOp::Eq)
        .unwrap());
    assert!(vm.compare_bool(&big, &Value::float(1e30), CompareOp::Gt).unwrap());
    let err = vm.compare(&Value::int(1), &vm.new_str("a"), CompareOp::Lt).unwrap_err();
    assert_eq!(
        vm.str_string(&err.exc).unwrap(),
        "'<' not supported between instances of 'int' and 'str'"
    );
}

/// Calls `obj.name(*args)` and returns `str()` of the result.
fn call_method_str(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> String {
    let m = vm.getattr_str(obj, name).expect("method");
    let r = vm.call(&m, args, None).expect("call");
    vm.str_string(&r).expect("str")
}

#[test]
fn int_to_bytes_and_from_bytes_round_trip() {
    let mut vm = Vm::new_for_tests();
    let big = vm.new_str("big");
    let n = Value::int(-129);
    let two = Value::int(2);
    let signed_kw = new_tuple(vec![vm.new_str("signed")]);
    let m = vm.getattr_str(&n, "to_bytes").unwrap();
    let b = vm.call(&m, &[two, big.clone(), Value::bool(true)], Some(&signed_kw)).unwrap();
    assert_eq!(vm.repr_string(&b).unwrap(), "b'\\xff\\x7f'");
    let int_t = crate::typeobj::INT_TYPE.get().as_value();
    let f = vm.getattr_str(&int_t, "from_bytes").unwrap();
    let back = vm.call(&f, &[b, big, Value::bool(true)], Some(&signed_kw)).unwrap();
    assert_eq!(vm.str_string(&back).unwrap(), "-129");
    assert_eq!(call_method_str(&mut vm, &Value::int(1000), "bit_count", &[]), "6");
}

#[test]
fn generic_alias_repr_and_call() {
    let mut vm = Vm::new_for_tests();
    let list_t = crate::typeobj::LIST_TYPE.get().as_value();
    let int_t = crate::typeobj::INT_TYPE.get().as_value();
    let alias = vm.getitem(&list_t, &int_t).unwrap();
    assert_eq!(vm.repr_string(&alias).unwrap(), "list[int]");
    let made = vm.call(&alias, &[], None).unwrap();
    assert_eq!(vm.repr_string(&made).unwrap(), "[]");
}

#[test]
fn split_with_maxsplit_keeps_the_remainder_whitespace() {
    let mut vm = Vm::new_for_tests();
    let s = vm.new_str("  x  y ");
    let none = crate::objects::singletons::none();
    assert_eq!(call_method_str(&mut vm, &s, "split", &[none.clone(), Value::int(1)]), "['x', 'y ']");
    assert_eq!(call_method_str(&mut vm, &s, "rsplit", &[none, Value::int(1)]), "['  x', 'y']");
}
