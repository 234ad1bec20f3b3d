# A SyntaxWarning at the prompt names "<stdin>" with no source line.
