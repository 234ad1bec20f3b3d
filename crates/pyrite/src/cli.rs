//! Command-line parsing, following `python3`'s options as far as pyrite has them.

/// What the command line asks for.
#[derive(Debug, Default)]
pub struct Options {
    /// `-X` options in order (`-X dump-ast`, `-X name=value`).
    pub x_options: Vec<String>,
    /// `-c cmd`: the program text given on the command line.
    pub command: Option<String>,
    /// `-m mod`: the module to run as `__main__` (through runpy).
    pub module: Option<String>,
    /// The script and its arguments (`sys.argv`).
    pub script: Option<String>,
    pub script_args: Vec<String>,
    pub show_version: bool,
    pub show_help: bool,
}

impl Options {
    pub fn has_x(&self, name: &str) -> bool {
        self.x_options.iter().any(|o| o == name || o.split_once('=').map(|(k, _)| k) == Some(name))
    }
}

/// A bad command line: the message CPython prints, and its exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

pub fn parse_args(args: &[String]) -> Result<Options, UsageError> {
    let mut opts = Options::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if arg == "--" {
            i += 1;
            break;
        }
        if arg == "--version" {
            opts.show_version = true;
        } else if arg == "--help" {
            opts.show_help = true;
        } else if let Some(flags) = arg.strip_prefix('-').filter(|f| !f.is_empty() && !arg.starts_with("--")) {
            // Single-letter flags may be grouped (`-BV`); `-X` takes a value.
            let mut chars = flags.char_indices();
            while let Some((pos, flag)) = chars.next() {
                match flag {
                    'V' => opts.show_version = true,
                    'h' | '?' => opts.show_help = true,
                    'X' => {
                        let rest = &flags[pos + 1..];
                        let value = if !rest.is_empty() {
                            rest.to_string()
                        } else {
                            i += 1;
                            match args.get(i) {
                                Some(v) => v.clone(),
                                None => return Err(UsageError("Argument expected for the -X option".into())),
                            }
                        };
                        opts.x_options.push(value);
                        break;
                    }
                    'c' => {
                        // The rest of this argument, or the next one, is the
                        // program; everything after it goes to sys.argv.
                        let rest = &flags[pos + 1..];
                        let cmd = if !rest.is_empty() {
                            rest.to_string()
                        } else {
                            i += 1;
                            match args.get(i) {
                                Some(v) => v.clone(),
                                None => return Err(UsageError("Argument expected for the -c option".into())),
                            }
                        };
                        opts.command = Some(cmd);
                        opts.script_args = args[i + 1..].to_vec();
                        return Ok(opts);
                    }
                    'm' => {
                        // As -c: the module name, then sys.argv's tail.
                        let rest = &flags[pos + 1..];
                        let name = if !rest.is_empty() {
                            rest.to_string()
                        } else {
                            i += 1;
                            match args.get(i) {
                                Some(v) => v.clone(),
                                None => return Err(UsageError("Argument expected for the -m option".into())),
                            }
                        };
                        opts.module = Some(name);
                        opts.script_args = args[i + 1..].to_vec();
                        return Ok(opts);
                    }
                    other => return Err(UsageError(format!("Unknown option: -{}", other))),
                }
            }
        } else if arg.starts_with("--") {
            return Err(UsageError(format!("unknown option {}", arg)));
        } else {
            break;
        }
        i += 1;
    }
    if let Some(script) = args.get(i) {
        opts.script = Some(script.clone());
        opts.script_args = args[i + 1..].to_vec();
    }
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::parse_args;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn command_takes_the_rest_as_argv() {
        let o = parse_args(&args(&["-X", "specstats", "-c", "print(1)", "-v", "x"])).unwrap();
        assert_eq!(o.command.as_deref(), Some("print(1)"));
        assert_eq!(o.script_args, args(&["-v", "x"]));
        assert!(o.has_x("specstats"));
        let o = parse_args(&args(&["-cpass"])).unwrap();
        assert_eq!(o.command.as_deref(), Some("pass"));
        assert!(parse_args(&args(&["-c"])).is_err());
    }

    #[test]
    fn module_takes_the_rest_as_argv() {
        let o = parse_args(&args(&["-m", "json.tool", "-h", "x"])).unwrap();
        assert_eq!(o.module.as_deref(), Some("json.tool"));
        assert_eq!(o.script_args, args(&["-h", "x"]));
        let o = parse_args(&args(&["-mrunpy"])).unwrap();
        assert_eq!(o.module.as_deref(), Some("runpy"));
        assert!(parse_args(&args(&["-m"])).is_err());
    }

    #[test]
    fn script_and_its_arguments() {
        let o = parse_args(&args(&["prog.py", "-c", "1"])).unwrap();
        assert_eq!(o.script.as_deref(), Some("prog.py"));
        assert_eq!(o.script_args, args(&["-c", "1"]));
        assert!(o.command.is_none());
    }
}
