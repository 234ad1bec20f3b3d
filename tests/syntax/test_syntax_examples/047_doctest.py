for i < (): pass
