// SPDX-License-Identifier: MIT
//! Many threads reading one knowledge base at once, as relations.h allows.

use std::thread;

use relations::{
    Claim, Diff, Difference, Entity, Event, Evidence, KnowledgeBase, Match, Side, Source, Time,
    TimeRef,
};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn types_are_send_and_sync() {
    assert_send_sync::<KnowledgeBase>();
    assert_send_sync::<Source<'static>>();
    assert_send_sync::<Entity<'static>>();
    assert_send_sync::<Event<'static>>();
    assert_send_sync::<Claim<'static>>();
    assert_send_sync::<Evidence<'static>>();
    assert_send_sync::<Time>();
    assert_send_sync::<TimeRef<'static>>();
    assert_send_sync::<Diff<'static>>();
    assert_send_sync::<Difference<'static, 'static>>();
    assert_send_sync::<relations::Claims<'static>>();
    assert_send_sync::<relations::Error>();
    assert_send_sync::<relations::QueryOptions>();
    assert_send_sync::<relations::YearCounts>();
    // One thread at a time may use a query: it can move, not be shared.
    assert_send::<relations::EventQuery<'static>>();
    assert_send::<relations::ClaimQuery<'static>>();
    assert_send::<relations::EntityQuery<'static>>();
}

fn assert_send<T: Send>() {}

/// Everything a reader computes, to compare across threads.
fn read_all(kb: &KnowledgeBase) -> Vec<String> {
    let mut out = Vec::new();
    for c in kb.claims() {
        for ev in c.evidence() {
            let s = ev.source();
            assert_eq!(ev.text(), &s.text()[ev.start()..ev.end()]);
            out.push(format!(
                "{} {} {:?} {:?} {}",
                c.id(),
                &s.id()[..3],
                c.modality_in(s),
                c.claimant_in(s).map(|e| e.id()),
                ev.text()
            ));
        }
    }
    for e in kb.events() {
        if let Some(t) = e.time() {
            out.push(format!("{} {} {}", e.id(), t, t.describe().unwrap()));
        }
    }
    // Normalised lookups allocate inside the library.
    for name in ["iran-iraq war", "NORTH KOREA", "pyongyang"] {
        let found = kb.find_alias(name, Match::Normalised).unwrap();
        out.push(format!(
            "{name}: {:?}",
            found.iter().map(|e| e.id()).collect::<Vec<_>>()
        ));
    }
    let (a, b) = (
        kb.find_source("000").unwrap().unwrap(),
        kb.find_source("002").unwrap().unwrap(),
    );
    let diff = kb.diff(a, b).unwrap();
    for d in &diff {
        out.push(format!(
            "{} {:?} {:?}",
            d.kind(),
            d.claim(Side::A).map(|c| c.id()),
            d.entity().map(|e| e.id())
        ));
    }
    out.push(format!("json {}", kb.to_json().unwrap().len()));
    out
}

#[test]
fn concurrent_readers_agree() {
    let kb = KnowledgeBase::builtin().unwrap();
    let expected = read_all(&kb);
    assert!(expected.len() > 200, "{}", expected.len());
    let kb = &kb;
    let expected = &expected;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(move || {
                    for _ in 0..5 {
                        assert_eq!(&read_all(kb), expected);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("a reader thread panicked");
        }
    });
}

#[test]
fn views_and_diffs_cross_threads() {
    let kb = KnowledgeBase::builtin().unwrap();
    let claim = kb.find_claim("c-nuclear-cooperation").unwrap();
    let (a, b) = (kb.source_at(0).unwrap(), kb.source_at(2).unwrap());
    let diff = kb.diff(a, b).unwrap();
    let n = diff.len();
    thread::scope(|scope| {
        // A view moved into another thread.
        let h1 = scope.spawn(move || claim.evidence().map(|e| e.text().len()).sum::<usize>());
        // A diff moved into another thread (and freed there).
        let h2 = scope.spawn(move || diff.len());
        assert_eq!(h2.join().unwrap(), n);
        assert!(h1.join().unwrap() > 0);
    });
    // A knowledge base moved to, and freed on, another thread.
    let kb2 = KnowledgeBase::builtin().unwrap();
    let count = thread::spawn(move || kb2.claim_count()).join().unwrap();
    assert_eq!(count, kb.claim_count());
    // An owned time too.
    let t = Time::parse("START 1980-10").unwrap();
    assert_eq!(
        thread::spawn(move || t.describe().unwrap()).join().unwrap(),
        "early October 1980"
    );
}
