# gc.callbacks that allocate (and even call gc.collect()) while a collection
# runs: no nested collection starts, and the program finishes.
import gc

class Node:
    def __init__(self):
        self.me = self
        self.payload = [object() for _ in range(5)]

events = []
nested_results = set()

def callback(phase, info):
    # Allocation inside the callback must not start a collection of its own.
    junk = [Node() for _ in range(50)]
    del junk
    nested_results.add(gc.collect())
    events.append((phase, info["generation"]))

gc.callbacks.append(callback)
for i in range(100_000):
    Node()
gc.callbacks.remove(callback)
print("automatic collections seen:", len(events) > 0)
print("phases alternate:", all(events[i][0] == ("start" if i % 2 == 0 else "stop") for i in range(len(events))))
print("gc.collect() inside a callback:", nested_results)

events.clear()
gc.callbacks.append(callback)
for i in range(10):
    Node()
print("explicit collect found garbage:", gc.collect() > 0)
gc.callbacks.remove(callback)
print(events[-2:])

print("done")
