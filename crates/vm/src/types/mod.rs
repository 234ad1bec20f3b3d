//! Slots and methods of the builtin types, grouped by kind.

pub mod bytes_ty;
pub mod complex_ty;
pub mod dict_ty;
pub mod exc;
pub mod exc_group;
pub mod func_ty;
pub mod generic_alias;
pub mod memoryview_ty;
pub mod num;
pub mod object_ty;
pub mod printf;
pub mod range_ty;
pub mod seq;
pub mod set_ty;
pub mod sizeof;
pub mod str_search;
pub mod str_ty;
pub mod str_unicode;
pub mod type_layouts;
pub mod type_ty;
pub mod union_ty;

/// Fills in every builtin type's slots and methods (start-up, once).
pub(crate) fn init_all() {
    object_ty::init();
    num::init();
    complex_ty::init();
    str_ty::init();
    bytes_ty::init();
    seq::init();
    dict_ty::init();
    set_ty::init();
    sizeof::init();
    func_ty::init();
    func_ty::init_generator();
    func_ty::init_member();
    generic_alias::init();
    union_ty::init();
    exc::init();
    exc_group::init();
    crate::builtins::init_types();
    generic_alias::add_class_getitems();
}

/// Whether type `t` still gets `name` (`__init__` or `__new__`) from
/// `base`: CPython's `type->tp_init == Base.tp_init` tests, which decide
/// whether a builtin constructor rejects keyword arguments (a subclass
/// overriding the other method may take its own keywords).
pub(crate) fn inherits_method(
    vm: &mut crate::vm::Vm,
    t: &crate::typeobj::TypeObject,
    base: &crate::typeobj::TypeObject,
    name: &str,
) -> bool {
    if std::ptr::eq(t, base) {
        return true;
    }
    match (t.lookup_str(vm, name), base.lookup_str(vm, name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => true,
    }
}
