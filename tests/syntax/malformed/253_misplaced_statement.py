def initialize_options(self):
    self.extensions = None
    self.build_lib = None
    self.plat_name = None
    self.build_temp = None
    self.inplace = 0
    self.package = None

    self.include_dirs = None
    self.define = None
    self.undef = None
    self.libraries = None
    self.library_dirs = None
    self.rpath = None
    self.link_objects = None
    self.debug = None
    self.force = None
    self.compiler = None
    self.swig = None
    self.swig_cpp = None
    self.swig_opts = None
    self.user = None
    self.parallel = None
match self:
    case [a] | [b]: pass
