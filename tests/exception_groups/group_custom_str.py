# Subclasses customizing __str__ and adding state, printed uncaught.
class ValidationErrors(ExceptionGroup):
    def __new__(cls, errors, source):
        self = super().__new__(cls, f"{len(errors)} problems in {source}", errors)
        self.source = source
        return self

    def __init__(self, errors, source):
        super().__init__(self.message, errors)

    def derive(self, excs):
        return ValidationErrors(list(excs), self.source)

    def __str__(self):
        return f"[{self.source}] " + super().__str__()


errs = ValidationErrors([ValueError("bad age"), TypeError("bad name")], "form.json")
print(str(errs), repr(errs.message), errs.source)
m, r = errs.split(ValueError)
print(type(m).__name__, str(m), type(r).__name__, str(r))
raise errs
