def set_link_objects( (self, objects):
    """Set the list of object files (or analogues) to be included in
    every link to 'objects'.  This does not affect any standard object
    files that the linker may include by default (such as system
    libraries).
    """
    self.objects = objects[:]
