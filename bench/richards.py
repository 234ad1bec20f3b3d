# Object-heavy simulation: a task scheduler in the style of the classic
# Richards benchmark (devices, handlers, worker and idle tasks exchanging
# packets), written here from the benchmark's description.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
K_DEVICE, K_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = False
        self.held = False
        self.state = state
        scheduler.tasks[ident] = self
        self.link = scheduler.task_list
        scheduler.task_list = self

    def runnable(self):
        return not self.held and (self.packet_pending or not self.waiting)

    def add_packet(self, packet, old):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return old

    def take_packet(self):
        p = self.queue
        self.queue = p.link
        self.packet_pending = self.queue is not None
        return p


class IdleTask(Task):
    def run(self, packet):
        s = self.scheduler
        self.state["count"] -= 1
        if self.state["count"] == 0:
            return s.hold_self()
        v = self.state["v"]
        if v & 1 == 0:
            self.state["v"] = v >> 1
            return s.release(DEVICE_A)
        self.state["v"] = (v >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def run(self, packet):
        s = self.scheduler
        if packet is None:
            return s.wait()
        dest = HANDLER_B if self.state["dest"] == HANDLER_A else HANDLER_A
        self.state["dest"] = dest
        packet.ident = dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.state["count"] += 1
            if self.state["count"] > 26:
                self.state["count"] = 1
            packet.data[i] = 64 + self.state["count"]
        return s.queue_packet(packet)


class HandlerTask(Task):
    def run(self, packet):
        s = self.scheduler
        if packet is not None:
            if packet.kind == K_WORK:
                self.state["work"] = packet.append_to(self.state["work"])
            else:
                self.state["device"] = packet.append_to(self.state["device"])
        work = self.state["work"]
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.state["device"]
                if dev is not None:
                    self.state["device"] = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return s.queue_packet(dev)
            else:
                self.state["work"] = work.link
                return s.queue_packet(work)
        return s.wait()


class DeviceTask(Task):
    def run(self, packet):
        s = self.scheduler
        if packet is None:
            pending = self.state.get("pending")
            if pending is None:
                return s.wait()
            self.state["pending"] = None
            return s.queue_packet(pending)
        self.state["pending"] = packet
        s.hold_count += 1
        return s.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.hold_count = 0
        self.queue_count = 0

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        t = self.tasks[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            t = self.current
            if t.runnable():
                packet = None
                if t.packet_pending:
                    packet = t.take_packet()
                t.waiting = False
                self.current = t.run(packet)
            else:
                self.current = t.link


def run_once(count):
    s = Scheduler()
    IdleTask(s, IDLE, 1, None, {"v": 1, "count": count})
    wq = Packet(None, 0, K_WORK)
    wq = Packet(wq, 0, K_WORK)
    WorkerTask(s, WORKER, 1000, wq, {"dest": HANDLER_A, "count": 0})
    for handler, dev in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        q = Packet(None, dev, K_DEVICE)
        q = Packet(q, dev, K_DEVICE)
        q = Packet(q, dev, K_DEVICE)
        HandlerTask(s, handler, 2000 + handler, q, {"work": None, "device": None})
    DeviceTask(s, DEVICE_A, 4000, None, {})
    DeviceTask(s, DEVICE_B, 5000, None, {})
    s.schedule()
    return s.queue_count, s.hold_count


total = (0, 0)
for _ in range(8):
    q, h = run_once(10000)
    total = (total[0] + q, total[1] + h)
print(total)
