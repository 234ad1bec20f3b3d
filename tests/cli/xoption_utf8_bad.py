# An invalid -X utf8 value is a fatal configuration error (status 1).
