# PYTHONWARNINGS comes before -W in sys.warnoptions; -b adds BytesWarning's filter.
import sys, warnings
print(sys.warnoptions)
print(sys.flags.bytes_warning)
print([(f[0], f[2].__name__) for f in warnings.filters[:4]])
