//! `_ast`: the node classes of Python's abstract syntax tree, as CPython
//! 3.11 defines them (Python/Python-ast.c), so that `import ast` and what
//! imports it (inspect, dataclasses, unittest, ...) work. The class table is
//! generated from python3.11 by tools/gen_ast_nodes.py (nodes.rs).
//!
//! `compile(..., PyCF_ONLY_AST)`/`ast.parse` builds these objects from
//! pyrite's tree by evaluating its exact `ast.dump(include_attributes=True)`
//! text against the node classes (every field, location and `None` default
//! comes out as CPython's). `compile()` of an AST object reads the objects
//! back (from_python.rs).

mod from_python;
mod nodes;

use crate::exception::{ExcKind, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use nodes::NODE_CLASSES;

/// `AST` itself: CPython's ast_type_init (positional arguments fill
/// `_fields` in order, keywords set any attribute) and ast_type_reduce.
const AST_BASE_SOURCE: &str = "\
class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError(f\"{type(self).__name__} constructor takes at most \"
                            f\"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}\")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        d = self.__dict__
        return (type(self), (), d) if d else (type(self), ())
";

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_ast");
    m.int("PyCF_ONLY_AST", 0x400);
    m.int("PyCF_TYPE_COMMENTS", 0x1000);
    m.int("PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000);
    // The base class, defined in a namespace named `ast` (its __module__).
    let ns = DictObject::new_value();
    if let Some(d) = ns.downcast_ref::<DictObject>() {
        d.insert_str_key("__name__", new_str("ast"));
        d.insert_str_key("__builtins__", vm.builtins.clone());
    }
    let code = vm.compile_module_source(AST_BASE_SOURCE.as_bytes(), "<frozen _ast>")?;
    vm.run_module_code(&code, &ns)?;
    let Some(base) = ns.downcast_ref::<DictObject>().and_then(|d| d.get_str_key("AST")) else {
        return Err(vm.new_error(ExcKind::SystemError, "_ast: AST base class missing"));
    };
    m.value("AST", base);
    let type_type = crate::typeobj::TYPE_TYPE.get().as_value();
    for class in NODE_CLASSES.iter().skip_while(|c| c.name == "AST") {
        let Some(base) = m.dict().get_str_key(class.base) else {
            let msg = format!("_ast: base {} of {} missing", class.base, class.name);
            return Err(vm.new_error(ExcKind::SystemError, msg));
        };
        let body = DictObject::new_value();
        if let Some(d) = body.downcast_ref::<DictObject>() {
            let fields = new_tuple(class.fields.iter().map(|f| new_str(f)).collect());
            d.insert_str_key("_fields", fields.clone());
            d.insert_str_key("__match_args__", fields);
            if !class.attributes.is_empty() {
                d.insert_str_key("_attributes", new_tuple(class.attributes.iter().map(|a| new_str(a)).collect()));
            }
            for name in class.none_defaults {
                d.insert_str_key(name, none());
            }
            d.insert_str_key("__module__", new_str("ast"));
            d.insert_str_key("__doc__", new_str(class.doc));
        }
        let cls = vm.call(&type_type, &[new_str(class.name), new_tuple(vec![base]), body], None)?;
        m.value(class.name, cls);
    }
    crate::builtins::compile::set_ast_hooks(tree_to_python, tree_from_python);
    Ok(m.finish())
}

/// `ast.parse`: the tree's `ast.dump` text, evaluated with the node classes
/// in scope. The dump prints scalars through `repr`, so the only names it can
/// use besides node classes are the float/complex overflows `inf`/`infj`.
fn tree_to_python(vm: &mut Vm, tree: &pyrite_syntax::ast::Mod) -> PyResult<Value> {
    let text = pyrite_syntax::dump::dump(tree, true);
    let module = vm.import_absolute("_ast")?;
    let Some(module) = module.downcast_ref::<crate::objects::module::ModuleObject>() else {
        return Err(vm.new_error(ExcKind::SystemError, "_ast: module object missing"));
    };
    let namespace = module.dict().copy_value();
    if let Some(d) = namespace.downcast_ref::<DictObject>() {
        d.insert_str_key("inf", Value::float(f64::INFINITY));
        d.insert_str_key("infj", crate::objects::complex::new_complex(0.0, f64::INFINITY));
        d.insert_str_key("__builtins__", vm.builtins.clone());
    }
    let Some(eval) = vm.builtins_dict().get_str_key("eval") else {
        return Err(vm.new_error(ExcKind::SystemError, "_ast: builtins.eval missing"));
    };
    vm.call(&eval, &[new_str(&text), namespace], None)
}

/// `compile(tree, ...)`: the node objects read back into pyrite's tree.
fn tree_from_python(vm: &mut Vm, node: &Value, mode: pyrite_syntax::Mode) -> PyResult<pyrite_syntax::ast::Mod> {
    let module = vm.import_absolute("_ast")?;
    let Some(classes) = module.downcast_ref::<crate::objects::module::ModuleObject>().map(|m| m.dict_value()) else {
        return Err(vm.new_error(ExcKind::SystemError, "_ast: module object missing"));
    };
    from_python::FromPython { vm, classes }.module(node, mode)
}
