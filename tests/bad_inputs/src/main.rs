//! `cargo run -p copy-that-bad-inputs -- DIR`: writes the bad-input corpus into DIR (created, and
//! expected empty) and lists each case with its expected outcome, to try by hand against the app or
//! the CLI.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: copy-that-bad-inputs DIR");
        return ExitCode::FAILURE;
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let cases = copy_that_bad_inputs::build(&dir);
    for c in &cases {
        println!("{:?}\t{:?}", c.path, c.expect);
    }
    eprintln!("{} cases in {}", cases.len(), dir.display());
    ExitCode::SUCCESS
}
