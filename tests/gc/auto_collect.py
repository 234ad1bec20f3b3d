# With the collector enabled, cycles are reclaimed automatically once enough
# container objects were allocated (thresholds 700/10/10).
import gc

freed = 0


class Cyc:
    def __init__(self):
        self.me = self

    def __del__(self):
        global freed
        freed += 1


gc.collect()
for i in range(20000):
    Cyc()
print("some freed automatically:", freed > 15000)
gc.disable()
before = freed
for i in range(5000):
    Cyc()
print("none freed while disabled:", freed == before)
gc.collect()
print("all freed by collect:", freed == 25000)
gc.enable()
gc.set_threshold(0)
for i in range(3000):
    Cyc()
print("threshold 0 disables:", freed == 25000)
gc.set_threshold(700, 10, 10)
print(gc.collect() >= 3000)
