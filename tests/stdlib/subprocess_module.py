import subprocess, sys, os
r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(['cat'], input=b'piped data'))
print(subprocess.check_output('echo $FOO', shell=True, env={'FOO': 'bar', 'PATH': os.environ['PATH']}))
print(subprocess.check_output(['pwd'], cwd='/tmp'))
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, e)
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.timeout <= 0.2, e.cmd)
try:
    subprocess.run(['/nonexistent/prog'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror, e.filename)
try:
    subprocess.run(['ls'], cwd='/nonexistent-dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'x' * 100000)
print(len(out), err, p.returncode, p.poll())
p = subprocess.Popen(['sh', '-c', 'exit 7'])
print(p.wait(), p.returncode)
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.argv[1:]); sys.exit(4)', 'a', 'b'], stdout=subprocess.PIPE)
print(r.returncode, r.stdout)
print(subprocess.getoutput('echo hi; echo there'), subprocess.getstatusoutput('exit 2'))
r = subprocess.run(['sh', '-c', 'echo to-err >&2'], stderr=subprocess.STDOUT, stdout=subprocess.PIPE)
print(r.stdout)
with subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    print(p.communicate('line\n'))
p = subprocess.Popen(['sleep', '10']); p.kill(); print(p.wait())
p = subprocess.Popen(['sleep', '10']); p.terminate(); print(p.wait())
