//! The global interpreter lock and the state it protects.
//!
//! Refcounts and every interior-mutable object field are plain (non-atomic):
//! only the thread holding the GIL may touch a `Value`. Two locks:
//! - the *interpreter* lock, held by the main `Vm` for its whole life, so that
//!   independent interpreters (Rust unit tests make one per test) never run
//!   side by side over the process-wide state;
//! - the *GIL* proper, handed between the Python threads of that interpreter
//!   as CPython 3.11's `ceval_gil.h` does: a thread that has waited a switch
//!   interval (5 ms) sets [`DROP_REQUEST`]; the running thread sees it at its
//!   next backward jump or function entry, releases the GIL and waits until
//!   another thread has taken it (so it cannot grab it straight back), then
//!   queues again. Blocking calls release it around the wait
//!   ([`crate::vm::Vm::allow_threads`]).

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

static INTERPRETER: Mutex<()> = Mutex::new(());

struct GilState {
    locked: bool,
    /// Incremented by every take: a dropping thread waits for it to change.
    switch_number: u64,
    waiting: usize,
}

static STATE: Mutex<GilState> = Mutex::new(GilState { locked: false, switch_number: 0, waiting: 0 });
/// Signalled when the GIL is released.
static RELEASED: Condvar = Condvar::new();
/// Signalled when the GIL is taken (for the forced switch).
static TAKEN: Condvar = Condvar::new();

/// Set by a thread that waited too long for the GIL; checked by the dispatch loop.
pub static DROP_REQUEST: AtomicBool = AtomicBool::new(false);

/// `sys.getswitchinterval()`'s default.
const SWITCH_INTERVAL: Duration = Duration::from_millis(5);

fn state() -> MutexGuard<'static, GilState> {
    // The state is a few plain fields updated atomically under the mutex; a
    // panic elsewhere cannot leave them half-written.
    STATE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// At interpreter exit (after the non-daemon threads were joined): the
/// `pthread_self` of the one thread still allowed to take the GIL; 0 before.
static FINALIZER: AtomicU64 = AtomicU64::new(0);

fn this_thread() -> u64 {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

/// Interpreter exit: from now on only the calling thread may take the GIL; a
/// daemon thread asking for it stops for good, as in CPython.
pub fn finalize() {
    FINALIZER.store(this_thread(), Ordering::SeqCst);
}

fn may_run() -> bool {
    match FINALIZER.load(Ordering::SeqCst) {
        0 => true,
        finalizer => finalizer == this_thread(),
    }
}

/// Takes the GIL, waiting for the thread that holds it to drop it.
pub fn take() {
    if !may_run() {
        park_forever();
    }
    let mut st = state();
    if st.locked {
        st.waiting += 1;
        while st.locked {
            let switch_number = st.switch_number;
            let (guard, timeout) = RELEASED.wait_timeout(st, SWITCH_INTERVAL).unwrap_or_else(|p| p.into_inner());
            st = guard;
            if timeout.timed_out() && st.locked && st.switch_number == switch_number {
                DROP_REQUEST.store(true, Ordering::Relaxed);
            }
        }
        st.waiting -= 1;
    }
    if !may_run() {
        drop(st);
        park_forever();
    }
    st.locked = true;
    st.switch_number = st.switch_number.wrapping_add(1);
    TAKEN.notify_all();
}

fn park_forever() -> ! {
    loop {
        std::thread::park();
    }
}

/// Releases the GIL (the caller holds it).
pub fn release() {
    let mut st = state();
    st.locked = false;
    RELEASED.notify_one();
}

/// The dispatch loop's answer to [`DROP_REQUEST`]: let a waiting thread run.
pub fn yield_to_waiting() {
    DROP_REQUEST.store(false, Ordering::Relaxed);
    let mut st = state();
    let switch_number = st.switch_number;
    st.locked = false;
    RELEASED.notify_one();
    // Forced switching: wait until another thread has the GIL before queueing again.
    while st.waiting > 0 && st.switch_number == switch_number {
        st = TAKEN.wait(st).unwrap_or_else(|p| p.into_inner());
    }
    drop(st);
    take();
}

/// Whether other threads are waiting for the GIL.
pub fn others_waiting() -> bool {
    state().waiting > 0
}

/// Proof that this thread holds the GIL; dropping it releases the GIL (and,
/// for the interpreter's main `Vm`, the interpreter lock).
pub struct GilGuard {
    _interpreter: Option<MutexGuard<'static, ()>>,
}

/// For a new interpreter: takes the interpreter lock, then the GIL.
pub fn acquire() -> GilGuard {
    // A poisoned lock only means another Vm panicked; the state it protects is
    // still consistent enough for a fresh interpreter to go on.
    let interpreter = INTERPRETER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    take();
    GilGuard { _interpreter: Some(interpreter) }
}

/// For a new thread of the running interpreter: takes the GIL only.
pub fn acquire_for_thread() -> GilGuard {
    take();
    GilGuard { _interpreter: None }
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        if self._interpreter.is_some() {
            // The interpreter is gone; the next one starts afresh.
            FINALIZER.store(0, Ordering::SeqCst);
        }
        release();
    }
}

/// Process-wide state that is only touched with the GIL held.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: all access happens under the GIL (see module docs).
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(value: T) -> GilCell<T> {
        GilCell(UnsafeCell::new(value))
    }

    /// # Safety
    /// The caller holds the GIL and does not keep the reference across any
    /// call that could reach the same cell.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn get_mut(&self) -> &mut T {
        &mut *self.0.get()
    }

    pub fn as_ptr(&self) -> *mut T {
        self.0.get()
    }
}
