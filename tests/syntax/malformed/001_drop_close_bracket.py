def _addExpectedFailure(self, result, exc_info):
    try:
        addExpectedFailure = result.addExpectedFailure
    except AttributeError:
        warnings.warn("TestResult has no addExpectedFailure method, reporting as passes",
                      RuntimeWarning)
        result.addSuccess(self)
    else:
        addExpectedFailure(self, exc_info
