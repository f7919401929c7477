// SPDX-License-Identifier: MIT
//! Prints every claim of a knowledge base with its claimant and modality in
//! each version that states it, and the quoted evidence.
//!
//!     cargo run --example claims [KB.json]
//!
//! Without an argument, the built-in knowledge base.

use std::process::ExitCode;

use relations::{KnowledgeBase, Value};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claims: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> relations::Result<()> {
    let kb = match std::env::args_os().nth(1) {
        Some(path) => KnowledgeBase::from_json_file(path)?,
        None => KnowledgeBase::builtin()?,
    };
    for claim in kb.claims() {
        let subject = claim.subject();
        let object = match claim.object() {
            Value::None => String::new(),
            other => format!(" {other}"),
        };
        let negation = if claim.polarity() == relations::Polarity::Negative {
            " (not)"
        } else {
            ""
        };
        println!(
            "{}: {} {}{}{}",
            claim.id(),
            subject,
            claim.predicate(),
            negation,
            object
        );
        for source in kb.sources() {
            let (Some(modality), Some(claimant)) =
                (claim.modality_in(source), claim.claimant_in(source))
            else {
                continue;
            };
            println!(
                "  [{}] {} by {}",
                short(source.id()),
                modality,
                claimant.name()
            );
            for ev in claim.evidence().filter(|ev| ev.source() == source) {
                let bytes = ev.byte_range();
                println!(
                    "      [{}, {}) \u{201c}{}\u{201d}",
                    bytes.start,
                    bytes.end,
                    ev.text()
                );
            }
        }
    }
    Ok(())
}

/// The version prefix of a source id ("000" of "000_d477b4b9c20a8e87").
fn short(id: &str) -> &str {
    id.split('_').next().unwrap_or(id)
}
