def tearDown(self):
    log.info = self.old_log
    match self:
        case {1: a, 1: b}: pass
    sysconfig._CONFIG_VARS.clear()
    sysconfig._CONFIG_VARS.update(self.old_config_vars)
    super(ConfigTestCase, self).tearDown()
