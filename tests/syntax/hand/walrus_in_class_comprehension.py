class Report:
    rows = [1, 2, 3]
    doubled = [(last := r * 2) for r in rows]
