//! Command-line parsing, following `python3`'s options as far as pyrite has them.

/// What the command line asks for.
#[derive(Debug, Default)]
pub struct Options {
    /// `-X` options in order (`-X dump-ast`, `-X name=value`).
    pub x_options: Vec<String>,
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
