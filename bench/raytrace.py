# Float arithmetic on small objects: a tiny ray tracer (spheres, one light,
# Lambert shading) rendering a 240x150 image; prints a checksum of the pixels.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color):
        self.center = center
        self.radius = radius
        self.color = color

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None


def trace(scene, light, origin, direction, depth):
    nearest, hit_sphere = float("inf"), None
    for s in scene:
        t = s.hit(origin, direction)
        if t is not None and t < nearest:
            nearest, hit_sphere = t, s
    if hit_sphere is None:
        return 0.1
    point = origin + direction.scale(nearest)
    normal = (point - hit_sphere.center).norm()
    to_light = (light - point).norm()
    shade = max(0.0, normal.dot(to_light))
    for s in scene:
        if s is not hit_sphere and s.hit(point, to_light) is not None:
            shade *= 0.3
            break
    color = hit_sphere.color * (0.2 + 0.8 * shade)
    if depth < 2:
        reflected = direction - normal.scale(2 * direction.dot(normal))
        color = 0.8 * color + 0.2 * trace(scene, light, point, reflected.norm(), depth + 1)
    return color


def render(width, height):
    scene = [
        Sphere(Vec(0, -1, 5), 1.0, 0.9),
        Sphere(Vec(2, 0, 6), 1.0, 0.6),
        Sphere(Vec(-2, 0, 6), 1.0, 0.7),
        Sphere(Vec(0, -1001, 5), 1000.0, 0.5),
    ]
    light = Vec(5, 5, -3)
    eye = Vec(0, 0, 0)
    total = 0.0
    for j in range(height):
        for i in range(width):
            x = (2 * i / width - 1) * width / height
            y = 1 - 2 * j / height
            d = Vec(x, y, 1.5).norm()
            total += trace(scene, light, eye, d, 0)
    return total


print(round(render(240, 150), 6))
