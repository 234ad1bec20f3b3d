#!/usr/bin/env python3.11
"""Compares pyrite's parser with python3.11 on files (default: the whole stdlib).

Usage: tools/parser_check.py [--mode exec|eval|single|func_type] [FILE|DIR ...]

Each file is compiled as a string, `compile(text, name, mode, PyCF_ONLY_AST)`,
and parsed by `cargo run --example parser_check` (one run for all files); the
tree (ast.dump with positions) or the SyntaxError (class, msg, lineno, offset,
end_lineno, end_offset, text) and the parser's warnings must be identical.
Prints each differing file with the first difference, then a summary.
(`python3.11 FILE` reads files with another tokenizer mode: tests/run.py and
tests/tools/check_stdlib_ast.py compare that.)
"""
import ast, json, os, subprocess, sys, warnings

STDLIB_NAMES = False

def files_of(args):
    if not args:
        args = ['/root/.pyenv/versions/3.11.7/lib/python3.11']
    out = []
    for a in args:
        if os.path.isdir(a):
            for d, dirs, fs in os.walk(a):
                dirs[:] = sorted(x for x in dirs if x not in ('site-packages', '__pycache__'))
                out += [os.path.join(d, f) for f in sorted(fs) if f.endswith('.py')]
        else:
            out.append(a)
    return out

def reference(path, mode):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        return None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        r = compile_one(text, path, mode)
    # Warnings from the compiler's later passes (not the parser's) are left out.
    ws = ['WARN %s|%s|%s' % (w.category.__name__, w.message, w.lineno) for w in caught
          if not str(w.message).startswith(COMPILER_WARNINGS)]
    return '\n'.join(ws + [r])

COMPILER_WARNINGS = ('"is" with a literal', '"is not" with a literal', 'assertion is always true',
                     "'", 'list indices', 'tuple indices', 'str indices', 'bytes indices')

def compile_one(text, path, mode):
    try:
        # A filename that exists makes CPython re-read the error line from the
        # file; pyrite's parser gives what compiling a string gives.
        tree = compile(text, path if STDLIB_NAMES else '<snip>', mode, ast.PyCF_ONLY_AST)
        return ast.dump(tree, include_attributes=True)
    except SyntaxError as e:
        if e.text is None: e.text = None
        return 'ERROR %s|%s|%s|%s|%s|%s|%s' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, json.dumps(e.text) if e.text is not None else 'null')
    except (MemoryError, RecursionError) as e:
        return 'ERROR %s|%s|0|0|0|0|null' % (type(e).__name__, '')

def rust_repr_fix(s):
    return s

def main():
    args = sys.argv[1:]
    mode = 'exec'
    if args[:1] == ['--mode']:
        mode = args[1]; args = args[2:]
    global STDLIB_NAMES
    STDLIB_NAMES = not args or '--files' in args
    args = [a for a in args if a != '--files']
    files = [f for f in files_of(args)]
    refs = {}
    for f in files:
        r = reference(f, mode)
        if r is not None:
            refs[f] = r
    env = dict(os.environ, CARGO_TARGET_DIR='/work/targets/parser')
    if '--files' in sys.argv:
        # `python3.11 FILE` reads the file with its own tokenizer: compare with
        # the tests/ harness (tests/run.py) rather than with compile(str).
        env['PARSER_CHECK_AS_FILES'] = '1'
    p = subprocess.run(['cargo', 'run', '-q', '-j', '2', '-p', 'pyrite-syntax', '--example', 'parser_check', mode],
                       input='\n'.join(refs), capture_output=True, text=True, env=env,
                       cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.stderr.write(p.stderr[-3000:])
    got = {}
    cur = None
    for line in p.stdout.split('\n'):
        if line.startswith('=== '):
            cur = line[4:]; got[cur] = []
        elif cur is not None:
            got[cur].append(line)
    bad = 0
    for f, r in refs.items():
        g = '\n'.join(got.get(f, ['<missing>'])).rstrip('\n')
        if g != r:
            bad += 1
            if bad <= 30:
                # first difference
                i = next((i for i in range(min(len(g), len(r))) if g[i] != r[i]), min(len(g), len(r)))
                print('DIFF', f)
                print('   ours:', g[max(0, i-150):i+150])
                print('   them:', r[max(0, i-150):i+150])
    print('%d files, %d differ' % (len(refs), bad))

main()
