OTHER = "other"
