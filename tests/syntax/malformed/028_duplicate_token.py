def _print_help(self, *args, **kwargs):
    if self. .module is None:
        print(self._main_parser.format_help())
        print(MAIN_EXAMPLES % {'prog': self.progName})
        self._discovery_parser.print_help()
    else:
        print(self._main_parser.format_help())
        print(MODULE_EXAMPLES % {'prog': self.progName})
