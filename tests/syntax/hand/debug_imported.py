from config import __debug__
