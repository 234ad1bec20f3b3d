//! The interpreter's start-up configuration, as CPython's `PyConfig`: what the
//! command line and the `PYTHON*` environment variables ask for. The `pyrite`
//! binary fills it in ([`set`]) before it creates the [`Vm`](crate::vm::Vm);
//! `sys.flags`, `sys.warnoptions`, `sys._xoptions`, `sys.path`, the standard
//! streams and the compiler's optimization level read it from here.

use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct Config {
    /// `-E` (and `-I`) clear it: the `PYTHON*` variables are ignored.
    pub use_environment: bool,
    pub isolated: bool,
    /// `-d`, PYTHONDEBUG.
    pub parser_debug: i64,
    /// `-i`, PYTHONINSPECT: the prompt after the program.
    pub inspect: i64,
    /// `-i`.
    pub interactive: i64,
    /// `-O`/`-OO`, PYTHONOPTIMIZE.
    pub optimize: i64,
    /// `-B`, PYTHONDONTWRITEBYTECODE.
    pub dont_write_bytecode: bool,
    /// `-s`, `-I`, PYTHONNOUSERSITE.
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-v`, PYTHONVERBOSE.
    pub verbose: i64,
    /// `-b` / `-bb`.
    pub bytes_warning: i64,
    /// `-q`.
    pub quiet: i64,
    /// `-u`, PYTHONUNBUFFERED.
    pub unbuffered: bool,
    /// `-P`, `-I`, PYTHONSAFEPATH: no script folder (or '') in front of sys.path.
    pub safe_path: bool,
    /// `-X dev`, PYTHONDEVMODE.
    pub dev_mode: bool,
    /// `-X utf8`, PYTHONUTF8.
    pub utf8_mode: i64,
    /// `-X warn_default_encoding`, PYTHONWARNDEFAULTENCODING.
    pub warn_default_encoding: i64,
    /// `-X int_max_str_digits`, PYTHONINTMAXSTRDIGITS (-1: not given).
    pub int_max_str_digits: i64,
    /// `-W` options, after those of PYTHONWARNINGS (CPython's order, see
    /// [`Config::warnoptions`]).
    pub cmdline_warnoptions: Vec<String>,
    /// `-X` options in order, `name` or `name=value`.
    pub xoptions: Vec<String>,
}

/// A `PYTHON*` variable; unset and empty are the same (`_Py_GetEnv`).
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// `_Py_get_env_flag`: the variable's integer value (1 when it is not a
/// non-negative integer), raising `flag` to it.
fn env_flag(flag: &mut i64, name: &str) {
    if let Some(v) = env_var(name) {
        let value = match v.trim().parse::<i32>() {
            Ok(n) if n >= 0 => n as i64,
            _ => 1,
        };
        if *flag < value {
            *flag = value;
        }
    }
}

impl Default for Config {
    /// `python3.11` with no options, the environment honoured.
    fn default() -> Config {
        let mut c = Config::without_environment();
        c.read_environment();
        c
    }
}

impl Config {
    /// A configuration with no option set and nothing read from the
    /// environment: the command line fills it in, then
    /// [`Config::read_environment`] (which `-E`/`-I` turn off).
    pub fn without_environment() -> Config {
        Config {
            use_environment: true,
            isolated: false,
            parser_debug: 0,
            inspect: 0,
            interactive: 0,
            optimize: 0,
            dont_write_bytecode: false,
            no_user_site: false,
            no_site: false,
            verbose: 0,
            bytes_warning: 0,
            quiet: 0,
            unbuffered: false,
            safe_path: false,
            dev_mode: false,
            utf8_mode: 0,
            warn_default_encoding: 0,
            int_max_str_digits: -1,
            cmdline_warnoptions: Vec::new(),
            xoptions: Vec::new(),
        }
    }

    /// Merges the `PYTHON*` variables in, as `config_read_env_vars` does,
    /// unless `-E`/`-I` said to ignore them. (PYTHONUTF8 and
    /// PYTHONINTMAXSTRDIGITS, which can be invalid, are the caller's.)
    pub fn read_environment(&mut self) {
        if !self.use_environment {
            return;
        }
        env_flag(&mut self.parser_debug, "PYTHONDEBUG");
        env_flag(&mut self.verbose, "PYTHONVERBOSE");
        env_flag(&mut self.optimize, "PYTHONOPTIMIZE");
        env_flag(&mut self.inspect, "PYTHONINSPECT");
        let mut flag = 0;
        env_flag(&mut flag, "PYTHONDONTWRITEBYTECODE");
        self.dont_write_bytecode |= flag > 0;
        let mut flag = 0;
        env_flag(&mut flag, "PYTHONNOUSERSITE");
        self.no_user_site |= flag > 0;
        let mut flag = 0;
        env_flag(&mut flag, "PYTHONUNBUFFERED");
        self.unbuffered |= flag > 0;
        self.safe_path |= env_var("PYTHONSAFEPATH").is_some();
        self.dev_mode |= env_var("PYTHONDEVMODE").is_some();
        env_flag(&mut self.warn_default_encoding, "PYTHONWARNDEFAULTENCODING");
    }

    /// `-X name` or `-X name=value`: the value (`""` for a bare name).
    pub fn xoption(&self, name: &str) -> Option<&str> {
        self.xoptions.iter().rev().find_map(|o| match o.split_once('=') {
            Some((k, v)) if k == name => Some(v),
            None if o == name => Some(""),
            _ => None,
        })
    }

    /// `sys.warnoptions` in CPython's order of precedence (lowest first):
    /// `-X dev`'s "default", PYTHONWARNINGS, `-W`, then `-b`'s BytesWarning filter.
    pub fn warnoptions(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.dev_mode {
            out.push("default".to_string());
        }
        if self.use_environment {
            if let Some(env) = env_var("PYTHONWARNINGS") {
                out.extend(env.split(',').filter(|w| !w.is_empty()).map(str::to_string));
            }
        }
        out.extend(self.cmdline_warnoptions.iter().cloned());
        match self.bytes_warning {
            0 => {}
            1 => out.push("default::BytesWarning".to_string()),
            _ => out.push("error::BytesWarning".to_string()),
        }
        out
    }

    /// `code_debug_ranges`: code objects keep column positions (carets in
    /// tracebacks) unless `-X no_debug_ranges` or PYTHONNODEBUGRANGES.
    pub fn code_debug_ranges(&self) -> bool {
        self.xoption("no_debug_ranges").is_none() && !(self.use_environment && env_var("PYTHONNODEBUGRANGES").is_some())
    }

    /// The optimization level the compiler uses (0, 1 or 2).
    pub fn optimize_level(&self) -> u8 {
        self.optimize.clamp(0, 2) as u8
    }
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// Installs the process's configuration; only the first call counts.
pub fn set(config: Config) {
    let _ = CONFIG.set(config);
}

/// The process's configuration (the defaults, environment included, when the
/// embedder set none).
pub fn current() -> &'static Config {
    CONFIG.get_or_init(Config::default)
}

#[cfg(test)]
mod tests {
    use super::Config;

    #[test]
    fn xoption_values() {
        let mut c = Config::without_environment();
        c.xoptions = vec!["dev".into(), "a=1".into(), "a=2".into(), "b=".into()];
        assert_eq!(c.xoption("dev"), Some(""));
        assert_eq!(c.xoption("a"), Some("2"));
        assert_eq!(c.xoption("b"), Some(""));
        assert_eq!(c.xoption("c"), None);
    }

    #[test]
    fn warnoptions_order() {
        let mut c = Config::without_environment();
        c.use_environment = false;
        c.dev_mode = true;
        c.bytes_warning = 2;
        c.cmdline_warnoptions = vec!["ignore".into()];
        assert_eq!(c.warnoptions(), vec!["default", "ignore", "error::BytesWarning"]);
    }
}
