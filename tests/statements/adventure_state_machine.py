from dataclasses import dataclass, field, asdict, replace
from enum import Enum, auto, IntFlag
from typing import Optional
import json

class Dir(Enum):
    NORTH = auto()
    SOUTH = auto()
    EAST = auto()
    WEST = auto()

    @property
    def opposite(self):
        return {Dir.NORTH: Dir.SOUTH, Dir.SOUTH: Dir.NORTH, Dir.EAST: Dir.WEST, Dir.WEST: Dir.EAST}[self]

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

@dataclass(order=True)
class Item:
    weight: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list, repr=False, compare=False)

@dataclass
class Room:
    name: str
    desc: str
    exits: dict = field(default_factory=dict)
    items: list = field(default_factory=list)
    locked: bool = False

@dataclass(frozen=True)
class Pos:
    x: int
    y: int
    def moved(self, d):
        dx, dy = {Dir.NORTH: (0, 1), Dir.SOUTH: (0, -1), Dir.EAST: (1, 0), Dir.WEST: (-1, 0)}[d]
        return replace(self, x=self.x + dx, y=self.y + dy)

class GameOver(Exception):
    def __init__(self, reason, score):
        super().__init__(reason)
        self.score = score

class Game:
    def __init__(self):
        self.rooms = {}
        self.here = None
        self.inventory = []
        self.log = []
        self.pos = Pos(0, 0)
    def add(self, room):
        self.rooms[room.name] = room
        return room
    def link(self, a, d, b):
        self.rooms[a].exits[d] = b
        self.rooms[b].exits[d.opposite] = a
    def go(self, d):
        room = self.rooms[self.here]
        if d not in room.exits:
            self.log.append(f"You can't go {d.name.lower()} from {room.name}.")
            return False
        target = self.rooms[room.exits[d]]
        if target.locked and not any(i.name == "key" for i in self.inventory):
            self.log.append(f"The {target.name} is locked.")
            return False
        self.here = target.name
        self.pos = self.pos.moved(d)
        self.log.append(f"-> {target.name} at {self.pos}")
        return True
    def take(self, name):
        room = self.rooms[self.here]
        for i, it in enumerate(room.items):
            if it.name == name:
                self.inventory.append(room.items.pop(i))
                self.log.append(f"Took {name!r} ({it.weight:.1f}kg)")
                return
        raise KeyError(name)
    def step(self, cmd):
        match cmd.split():
            case ["go", ("north" | "south" | "east" | "west") as d]:
                self.go(Dir[d.upper()])
            case ["take", *names] if names:
                for n in names:
                    try:
                        self.take(n)
                    except KeyError as e:
                        self.log.append(f"No {e} here")
            case ["inv"]:
                total = sum(i.weight for i in self.inventory)
                self.log.append(f"Carrying {len(self.inventory)} items, {total:6.2f}kg: " + ", ".join(sorted(i.name for i in self.inventory)))
            case ["quit"]:
                raise GameOver("player quit", len(self.inventory) * 10)
            case [verb, *_]:
                self.log.append(f"Unknown verb {verb!r}")
            case []:
                self.log.append("Say something")

g = Game()
g.add(Room("hall", "A long hall", items=[Item(0.1, "key", ["metal"]), Item(2.5, "lamp")]))
g.add(Room("vault", "Cold vault", locked=True, items=[Item(10, "gold"), Item(0.5, "gem")]))
g.add(Room("garden", "Overgrown", items=[Item(0.05, "flower")]))
g.link("hall", Dir.NORTH, "vault")
g.link("hall", Dir.EAST, "garden")
g.here = "hall"
try:
    for cmd in ["go north", "take key lamp sword", "go west", "go north", "take gold gem", "inv", "go south", "go east", "take flower", "", "dance wildly", "inv", "quit"]:
        g.step(cmd)
except GameOver as e:
    print("Game over:", e, "score", e.score, e.args)
print("\n".join(g.log))
print(sorted(g.inventory))
print(max(g.inventory), min(g.inventory))
print(asdict(g.rooms["hall"]))
print(json.dumps(asdict(g.rooms["vault"]), indent=2, sort_keys=True))
print(Pos(1, 2) == Pos(1, 2), hash(Pos(1, 2)) == hash(Pos(1, 2)), Pos(1, 2))
try:
    Pos(1, 2).x = 5
except Exception as e:
    print(type(e).__name__, e)
p = Perm.R | Perm.W
print(p, repr(p), Perm.X in p, ~p, list(Perm), Perm(7), Perm(0))
print(Dir.NORTH, repr(Dir.SOUTH), Dir.EAST.opposite, Dir["WEST"].value, list(Dir)[:2])
try:
    Dir["UP"]
except KeyError as e:
    print("KeyError", e)
try:
    Dir(99)
except ValueError as e:
    print("ValueError", e)
print(Item(1, "a") < Item(2, "b"), Item(1, "a") == Item(1, "zzz"))
try:
    Item(1, "a") < 3
except TypeError as e:
    print(e)
print(Room.__dataclass_fields__["exits"])
