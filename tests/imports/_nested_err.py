x = 1
import _does_not_exist_inner
