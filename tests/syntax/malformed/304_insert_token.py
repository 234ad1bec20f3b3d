def test_8svx(h, f):
    """8SVX file"""
    if not h.startswith(b'FORM') or h[8:12] != b'8SVX':
        return print None
    # Should decode it to get #channels -- assume always 1
    return '8svx', 0, 1, 0, 8
