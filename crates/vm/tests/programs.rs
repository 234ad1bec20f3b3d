//! Runs the differential programs in `tests/programs` through
//! `tools/vm_compare.py`: each is compiled (by python3.11, or by pyrite's own
//! compiler), run on pyrite's VM (the `run_exported` / `run_source` examples,
//! which a plain `cargo test -p pyrite-vm` builds; a run filtered with
//! `--test programs` alone does not rebuild them) and compared with
//! python3.11's own output.

use std::path::PathBuf;
use std::process::Command;

fn compare(example: &str, extra: &[&str]) {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    // target/<profile>/deps/<test binary> -> target/<profile>/examples/run_exported
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe.parent().and_then(|d| d.parent()).expect("target profile dir");
    let binary = profile_dir.join("examples").join(example);
    assert!(binary.exists(), "{} not built", binary.display());
    let out = Command::new("python3.11")
        .arg(root.join("tools/vm_compare.py"))
        .args(extra)
        .arg("--binary")
        .arg(&binary)
        .arg("-v")
        .arg(manifest.join("tests/programs"))
        .output()
        .expect("python3.11 must be on PATH (the reference interpreter)");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "programs differ from python3.11:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Code objects compiled by python3.11 itself.
#[test]
fn programs_match_python311() {
    compare("run_exported", &[]);
}

/// The whole pipeline: pyrite's parser and compiler, then the VM.
#[test]
fn programs_compiled_by_pyrite_match_python311() {
    compare("run_source", &["--source"]);
}
