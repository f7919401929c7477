// SPDX-License-Identifier: MIT
//! Tells cargo where librelations is and to link it.
//!
//! The library is found, in order, in `$RELATIONS_LIB_DIR`, in the `-L`
//! folders `pkg-config --libs-only-L relations` prints, or on the linker's
//! default path.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=RELATIONS_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG");
    println!("cargo:rerun-if-changed=build.rs");

    match env::var("RELATIONS_LIB_DIR") {
        Ok(dir) if !dir.is_empty() => {
            println!("cargo:rustc-link-search=native={dir}");
        }
        _ => {
            for dir in pkg_config_lib_dirs() {
                println!("cargo:rustc-link-search=native={dir}");
            }
        }
    }
    println!("cargo:rustc-link-lib=relations");
}

/// The `-L` folders of `pkg-config --libs-only-L relations`; none if
/// pkg-config is missing or does not know the library.
fn pkg_config_lib_dirs() -> Vec<String> {
    let pkg_config = env::var("PKG_CONFIG").unwrap_or_else(|_| "pkg-config".to_owned());
    let output = match Command::new(pkg_config)
        .args(["--libs-only-L", "relations"])
        .output()
    {
        Ok(output) if output.status.success() => output,
        _ => return Vec::new(),
    };
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .filter_map(|word| word.strip_prefix("-L"))
        .filter(|dir| !dir.is_empty())
        .map(str::to_owned)
        .collect()
}
