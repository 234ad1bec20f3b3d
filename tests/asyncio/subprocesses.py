# asyncio subprocesses: create_subprocess_exec/shell with pipes, streaming reads,
# stdin writes, return codes, signals, timeouts and several children at once.
import asyncio
import signal
import sys

PY = sys.executable

async def communicate_roundtrip():
    p = await asyncio.create_subprocess_exec(
        PY, '-c', 'import sys; d = sys.stdin.read(); print(d.upper()); print("err", len(d), file=sys.stderr); sys.exit(3)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate(b'hello subprocess')
    print('communicate', out, err, p.returncode)

async def stream_lines():
    p = await asyncio.create_subprocess_exec(
        PY, '-u', '-c', 'import sys\nfor i in range(5): print("line", i * i)',
        stdout=asyncio.subprocess.PIPE)
    lines = []
    async for line in p.stdout:
        lines.append(line.decode().strip())
    rc = await p.wait()
    print('streamed', lines, rc)

async def interactive():
    p = await asyncio.create_subprocess_exec(
        PY, '-u', '-c', 'import sys\nfor line in sys.stdin:\n    print(int(line) * 2, flush=True)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    got = []
    for n in (1, 20, 300):
        p.stdin.write(f'{n}\n'.encode())
        await p.stdin.drain()
        got.append(int(await p.stdout.readline()))
    p.stdin.close()
    await p.stdin.wait_closed()
    print('interactive', got, await p.wait())

async def shell():
    p = await asyncio.create_subprocess_shell(
        'echo shell-out; echo shell-err 1>&2; exit 7',
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await p.communicate()
    print('shell', sorted(out.decode().split()), p.returncode)

async def killed():
    p = await asyncio.create_subprocess_exec(PY, '-c', 'import time; time.sleep(30)')
    try:
        await asyncio.wait_for(p.wait(), 0.2)
    except asyncio.TimeoutError:
        print('timed out waiting; pid is int:', isinstance(p.pid, int), p.returncode)
    p.kill()
    print('after kill', await p.wait(), -signal.SIGKILL)
    p2 = await asyncio.create_subprocess_exec(PY, '-c', 'import time; time.sleep(30)')
    p2.terminate()
    print('after terminate', await p2.wait())
    try:
        p2.send_signal(signal.SIGTERM)
    except ProcessLookupError:
        print('signal after exit: ProcessLookupError')
    else:
        print('signal after exit ignored')

async def many():
    async def one(i):
        p = await asyncio.create_subprocess_exec(
            PY, '-c', f'import sys; print({i} ** 3); sys.exit({i} % 4)',
            stdout=asyncio.subprocess.PIPE)
        out, _ = await p.communicate()
        return int(out), p.returncode
    print('many', await asyncio.gather(*(one(i) for i in range(8))))

async def missing():
    try:
        await asyncio.create_subprocess_exec('/nonexistent/program-xyz')
    except FileNotFoundError as e:
        print('missing', type(e).__name__, e.errno, e.filename)
    p = await asyncio.create_subprocess_exec(PY, '-c', 'pass', stdout=asyncio.subprocess.DEVNULL)
    print('devnull', p.stdout, await p.wait())

async def main():
    await communicate_roundtrip()
    await stream_lines()
    await interactive()
    await shell()
    await killed()
    await many()
    await missing()

asyncio.run(main())

# The other child watchers Lib/asyncio offers on Linux: pidfd polling and SIGCHLD.
async def with_watcher():
    p = await asyncio.create_subprocess_exec(
        PY, '-c', 'import sys; print(sys.stdin.read()[::-1]); sys.exit(5)',
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate(b'watched')
    q = await asyncio.create_subprocess_exec(PY, '-c', 'import time; time.sleep(30)')
    q.kill()
    print(type(asyncio.get_child_watcher()).__name__, out, p.returncode, await q.wait())

for make in (asyncio.PidfdChildWatcher, asyncio.SafeChildWatcher, asyncio.FastChildWatcher):
    asyncio.set_child_watcher(make())
    asyncio.run(with_watcher())
