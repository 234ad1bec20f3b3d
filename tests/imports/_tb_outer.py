import _tb_inner

_tb_inner.fail(3)
