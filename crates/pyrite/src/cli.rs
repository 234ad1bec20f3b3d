//! Command-line parsing as python3.11's (`Python/getopt.c`, `config_parse_cmdline`
//! in `Python/initconfig.c`): single-letter options may be grouped (`-OOBc cmd`),
//! an option taking a value takes the rest of its argument or the next one,
//! `-c`/`-m` end the options, `--` ends them too, and the first other argument
//! is the script.

use pyrite_vm::config::Config;

/// What is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c cmd`.
    Command(String),
    /// `-m module`.
    Module(String),
    /// A script file (or folder / zip with a `__main__.py`).
    File(String),
    /// Standard input: `-` or nothing given.
    Stdin,
}

/// Which help text `-h`/`--help*` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Usage,
    Env,
    XOptions,
    All,
}

/// What the command line asks for.
#[derive(Debug)]
pub struct Options {
    pub config: Config,
    pub program: Program,
    /// `sys.argv`: `-c`/`-m`, the script, `-` or `''`, then the program's arguments.
    pub argv: Vec<String>,
    /// `-V` given this many times.
    pub version: u32,
    pub help: Option<Help>,
    /// `-x`: the script's first line is skipped.
    pub skip_first_line: bool,
}

impl Options {
    pub fn has_x(&self, name: &str) -> bool {
        self.config.xoption(name).is_some()
    }
}

/// A command line CPython refuses.
#[derive(Debug, PartialEq, Eq)]
pub enum CliError {
    /// The message printed before the usage line (exit status 2); bytes,
    /// since CPython prints a bad option letter as one C char.
    Usage(Vec<u8>),
    /// A bad option value: CPython's "Fatal Python error" text (exit status 1).
    Fatal(String),
}

fn usage(msg: impl Into<String>) -> CliError {
    CliError::Usage(msg.into().into_bytes())
}

/// `Py_ExitStatusException` of a configuration error: the function, the
/// message and the runtime state CPython names.
fn fatal(func: &str, msg: &str, state: &str) -> CliError {
    let func = if func.is_empty() { String::new() } else { format!("{func}: ") };
    CliError::Fatal(format!("Fatal Python error: {func}{msg}\nPython runtime state: {state}\n\n"))
}

/// Short options; a ':' follows those taking a value (`SHORT_OPTS`).
const SHORT_OPTS: &str = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

/// Parses the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Options, CliError> {
    let mut config = Config::without_environment();
    let mut version = 0;
    let mut help = None;
    let mut skip_first_line = false;
    let mut program = None;
    let mut i = 0;
    'args: while i < args.len() {
        let arg = &args[i];
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        i += 1;
        match arg.as_str() {
            "--" => break,
            "--help" => {
                help.get_or_insert(Help::Usage);
                break;
            }
            "--version" => {
                version += 1;
                continue;
            }
            _ => {}
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help-all" => help = help.or(Some(Help::All)),
                "help-env" => help = help.or(Some(Help::Env)),
                "help-xoptions" => help = help.or(Some(Help::XOptions)),
                "check-hash-based-pycs" => {
                    let Some(value) = args.get(i) else {
                        return Err(usage(format!("Argument expected for the {arg} options")));
                    };
                    i += 1;
                    if !matches!(value.as_str(), "always" | "never" | "default") {
                        return Err(usage("--check-hash-based-pycs must be one of 'default', 'always', or 'never'"));
                    }
                }
                _ => return Err(usage(format!("unknown option {arg}"))),
            }
            if help.is_some() {
                break;
            }
            continue;
        }
        let flags = &arg[1..];
        for (pos, flag) in flags.char_indices() {
            if flag == 'J' {
                return Err(usage("-J is reserved for Jython"));
            }
            let Some(at) = SHORT_OPTS.find(flag).filter(|_| flag != ':') else {
                // CPython prints the option's low byte as a C char.
                let mut msg = b"Unknown option: -".to_vec();
                msg.push((flag as u32 & 0xff) as u8);
                return Err(CliError::Usage(msg));
            };
            let takes_value = SHORT_OPTS[at + 1..].starts_with(':');
            let value = if takes_value {
                let rest = &flags[pos + flag.len_utf8()..];
                if !rest.is_empty() {
                    Some(rest.to_string())
                } else if let Some(next) = args.get(i) {
                    i += 1;
                    Some(next.clone())
                } else {
                    return Err(usage(format!("Argument expected for the -{flag} option")));
                }
            } else {
                None
            };
            let value = value.unwrap_or_default();
            match flag {
                'c' => {
                    // The command gets a newline, as CPython's.
                    program = Some(Program::Command(format!("{value}\n")));
                    break 'args;
                }
                'm' => {
                    program = Some(Program::Module(value));
                    break 'args;
                }
                'b' => config.bytes_warning += 1,
                'B' => config.dont_write_bytecode = true,
                'd' => config.parser_debug += 1,
                'E' => config.use_environment = false,
                'h' | '?' => {
                    help.get_or_insert(Help::Usage);
                    break 'args;
                }
                'i' => {
                    config.inspect += 1;
                    config.interactive += 1;
                }
                'I' => {
                    config.isolated = true;
                    config.use_environment = false;
                    config.safe_path = true;
                    config.no_user_site = true;
                }
                'O' => config.optimize += 1,
                'P' => config.safe_path = true,
                'q' => config.quiet += 1,
                'R' | 't' => {}
                's' => config.no_user_site = true,
                'S' => config.no_site = true,
                'u' => config.unbuffered = true,
                'v' => config.verbose += 1,
                'V' => version += 1,
                'W' => config.cmdline_warnoptions.push(value),
                'x' => skip_first_line = true,
                'X' => config.xoptions.push(value),
                _ => return Err(usage(format!("Unknown option: -{flag}"))),
            }
            if takes_value {
                continue 'args;
            }
            if matches!(help, Some(_)) {
                break 'args;
            }
        }
        if help.is_some() {
            break;
        }
    }
    config.read_environment();
    apply_xoptions(&mut config)?;
    // sys.argv: `-c`/`-m` stand first; else the script, `-` or ''.
    let rest = &args[i.min(args.len())..];
    let (program, argv) = match program {
        Some(p @ Program::Command(_)) => (p, prepend("-c", rest)),
        Some(p @ Program::Module(_)) => (p, prepend("-m", rest)),
        _ => match rest.first() {
            Some(first) if first != "-" => (Program::File(first.clone()), rest.to_vec()),
            Some(_) => (Program::Stdin, rest.to_vec()),
            None => (Program::Stdin, vec![String::new()]),
        },
    };
    Ok(Options { config, program, argv, version, help, skip_first_line })
}

fn prepend(first: &str, rest: &[String]) -> Vec<String> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first.to_string());
    v.extend(rest.iter().cloned());
    v
}

/// The `-X` options that set configuration fields (`-X dev`, `-X utf8`, ...),
/// and the checks CPython makes of their values and of the variables that
/// stand for them.
fn apply_xoptions(config: &mut Config) -> Result<(), CliError> {
    use pyrite_vm::config::env_var;
    if config.xoption("dev").is_some() {
        config.dev_mode = true;
    }
    match config.xoption("utf8") {
        Some("" | "1") => config.utf8_mode = 1,
        Some("0") => config.utf8_mode = 0,
        Some(_) => return Err(fatal("preconfig_init_utf8_mode", "invalid -X utf8 option value", "preinitializing")),
        None if config.use_environment => match env_var("PYTHONUTF8").as_deref() {
            None => {}
            Some("1") => config.utf8_mode = 1,
            Some("0") => config.utf8_mode = 0,
            Some(_) => {
                return Err(fatal(
                    "preconfig_init_utf8_mode",
                    "invalid PYTHONUTF8 environment variable value",
                    "preinitializing",
                ))
            }
        },
        None => {}
    }
    if config.xoption("warn_default_encoding").is_some() {
        config.warn_default_encoding = 1;
    }
    if let Some(value) = config.xoption("frozen_modules") {
        if value != "on" && value != "off" {
            return Err(fatal("", "bad value for option -X frozen_modules (expected \"on\" or \"off\")", "preinitialized"));
        }
    }
    let digits = match config.xoption("int_max_str_digits") {
        Some(v) => Some(("-X int_max_str_digits", v.to_string())),
        None if config.use_environment => env_var("PYTHONINTMAXSTRDIGITS").map(|v| ("PYTHONINTMAXSTRDIGITS", v)),
        None => None,
    };
    if let Some((source, value)) = digits {
        match value.parse::<i64>() {
            Ok(n) if n == 0 || (640..=i32::MAX as i64).contains(&n) => config.int_max_str_digits = n,
            _ => {
                let msg = format!("{source}: invalid limit; must be >= 640 or 0 for unlimited.");
                return Err(fatal("config_init_int_max_str_digits", &msg, "preinitialized"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{parse_args, usage, CliError, Help, Program};

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn command_takes_the_rest_as_argv() {
        let o = parse_args(&args(&["-X", "specstats", "-c", "print(1)", "-v", "x"])).unwrap();
        assert_eq!(o.program, Program::Command("print(1)\n".into()));
        assert_eq!(o.argv, args(&["-c", "-v", "x"]));
        assert!(o.has_x("specstats"));
        let o = parse_args(&args(&["-Bcpass"])).unwrap();
        assert_eq!(o.program, Program::Command("pass\n".into()));
        assert!(o.config.dont_write_bytecode);
        assert_eq!(parse_args(&args(&["-c"])).unwrap_err(), usage("Argument expected for the -c option"));
    }

    #[test]
    fn script_stdin_and_dash() {
        let o = parse_args(&args(&["-OO", "prog.py", "-c", "1"])).unwrap();
        assert_eq!(o.program, Program::File("prog.py".into()));
        assert_eq!(o.argv, args(&["prog.py", "-c", "1"]));
        assert_eq!(o.config.optimize, 2);
        let o = parse_args(&args(&["-", "a"])).unwrap();
        assert_eq!((o.program, o.argv), (Program::Stdin, args(&["-", "a"])));
        let o = parse_args(&args(&["-q"])).unwrap();
        assert_eq!((o.program, o.argv), (Program::Stdin, args(&[""])));
        let o = parse_args(&args(&["--", "-x.py"])).unwrap();
        assert_eq!(o.program, Program::File("-x.py".into()));
    }

    #[test]
    fn values_and_errors() {
        let o = parse_args(&args(&["-Werror", "-W", "ignore", "-Xdev", "-c", "0"])).unwrap();
        assert_eq!(o.config.cmdline_warnoptions, args(&["error", "ignore"]));
        assert!(o.config.dev_mode);
        assert_eq!(parse_args(&args(&["-z"])).unwrap_err(), usage("Unknown option: -z"));
        assert_eq!(parse_args(&args(&["--foo"])).unwrap_err(), usage("unknown option --foo"));
        assert_eq!(parse_args(&args(&["-hz"])).unwrap().help, Some(Help::Usage));
        assert_eq!(parse_args(&args(&["-VV"])).unwrap().version, 2);
        assert_eq!(parse_args(&args(&["-\u{e9}"])).unwrap_err(), CliError::Usage(b"Unknown option: -\xe9".to_vec()));
        assert!(matches!(parse_args(&args(&["-X", "utf8=2"])), Err(CliError::Fatal(_))));
        assert!(matches!(parse_args(&args(&["-X", "int_max_str_digits=5"])), Err(CliError::Fatal(_))));
    }
}
