//! The pyrite virtual machine.
