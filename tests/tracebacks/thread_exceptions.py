# Exceptions in threads: threading.excepthook prints "Exception in thread
# NAME:" and the traceback; a replaced threading.excepthook receives the
# args; the main thread continues.
import sys
import threading


def worker(n):
    return [n][n]


t = threading.Thread(target=worker, args=(3,), name="worker-1")
t.start()
t.join()
print("main continues")


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name, args.exc_traceback is not None)


threading.excepthook = hook
t = threading.Thread(target=worker, args=(5,), name="worker-2")
t.start()
t.join()
threading.excepthook = threading.__excepthook__


def exits():
    sys.exit(3)


t = threading.Thread(target=exits, name="exiter")
t.start()
t.join()
print("SystemExit in a thread is silent")
