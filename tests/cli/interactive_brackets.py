# Open brackets, triple-quoted strings and backslashes continue a statement;
# empty lines and comments inside brackets do not end it.
