# A tokenizer warning ("invalid decimal literal") raised as an error by -W error.
