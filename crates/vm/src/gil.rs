//! The global interpreter lock and the state it protects.
//!
//! Refcounts and every interior-mutable object field are plain (non-atomic):
//! only the thread holding the GIL may touch a `Value`. A `Vm` holds the lock
//! for as long as it runs Python code; later, threads will hand it over at the
//! dispatch loop's safe points and around blocking calls.

use std::cell::UnsafeCell;
use std::sync::{Mutex, MutexGuard};

static GIL: Mutex<()> = Mutex::new(());

/// Proof that this thread holds the GIL.
pub struct GilGuard {
    _guard: MutexGuard<'static, ()>,
}

pub fn acquire() -> GilGuard {
    // A poisoned lock only means another Vm panicked; the state it protects is
    // still consistent enough for a fresh interpreter to go on.
    let guard = GIL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    GilGuard { _guard: guard }
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
