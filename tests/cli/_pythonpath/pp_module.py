NAME = "pp_module from PYTHONPATH"
