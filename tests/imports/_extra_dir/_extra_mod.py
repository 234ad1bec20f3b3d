WHERE = "extra dir"
