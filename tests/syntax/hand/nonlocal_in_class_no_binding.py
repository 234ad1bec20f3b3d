class Config:
    nonlocal name
    name = "default"
