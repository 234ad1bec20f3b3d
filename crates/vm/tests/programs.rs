//! Runs the differential programs in `tests/programs` through
//! `tools/vm_compare.py`: each is compiled by python3.11, run on pyrite's VM
//! (the `run_exported` example, which `cargo test` builds) and compared with
//! python3.11's own output.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn programs_match_python311() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    // target/<profile>/deps/<test binary> -> target/<profile>/examples/run_exported
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe.parent().and_then(|d| d.parent()).expect("target profile dir");
    let binary = profile_dir.join("examples").join("run_exported");
    assert!(binary.exists(), "{} not built", binary.display());
    let out = Command::new("python3.11")
        .arg(root.join("tools/vm_compare.py"))
        .arg("--binary")
        .arg(&binary)
        .arg("-v")
        .arg(manifest.join("tests/programs"))
        .output()
        .expect("python3.11 must be on PATH (the reference interpreter)");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "programs differ from python3.11:\n{report}\n{}", String::from_utf8_lossy(&out.stderr));
}
