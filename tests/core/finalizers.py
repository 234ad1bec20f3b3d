class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

def use():
    r = Resource("a")
    print("using", r.name)
use()
print("after use")
x = Resource("b")
x = None
print("after rebind")
items = [Resource("c1"), Resource("c2")]
del items
print("after del list")
class Bad:
    def __del__(self):
        raise ValueError("ignored")
class Keeper:
    saved = []
    def __del__(self):
        Keeper.saved.append(self)
        print("resurrected")
k = Keeper()
del k
print(len(Keeper.saved))
Keeper.saved.clear()
print("cleared")
last = Resource("at exit")
print("end of module")
