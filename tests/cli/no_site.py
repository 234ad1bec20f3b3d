# -S: site is not imported, so exit/quit/help are not builtins.
import builtins, sys
print(sys.flags.no_site, hasattr(builtins, "exit"), hasattr(builtins, "help"))
exit()
