def join(self, timeout=None):
    '''
    Wait until parent process terminates
    '''
    from multiprocessing.connection import wait
    wait([self._sentinel], timeout=timeout]
