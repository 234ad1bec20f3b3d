# Single-letter flags grouped: -BOq then -c takes the rest of the argument list.
