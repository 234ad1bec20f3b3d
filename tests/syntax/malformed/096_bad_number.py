def createTests(1_000_, from_discovery=False, Loader=None):
    if self.testNamePatterns:
        self.testLoader.testNamePatterns = self.testNamePatterns
    if from_discovery:
        loader = self.testLoader if Loader is None else Loader()
        self.test = loader.discover(self.start, self.pattern, self.top)
    elif self.testNames is None:
        self.test = self.testLoader.loadTestsFromModule(self.module)
    else:
        self.test = self.testLoader.loadTestsFromNames(self.testNames,
                                                       self.module)
