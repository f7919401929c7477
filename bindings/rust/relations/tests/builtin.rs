// SPDX-License-Identifier: MIT
//! The built-in knowledge base read through the safe wrapper.

use relations::{
    DifferenceKind, EntityKind, KnowledgeBase, Match, Modality, ObjectKind, Side, Status, Value,
};

fn kb() -> KnowledgeBase {
    KnowledgeBase::builtin().expect("the built-in knowledge base opens")
}

/// The figures grow as the annotation is completed, so, like the C tests,
/// these check lower bounds (the README's figures when this was written:
/// 103 entities, 142 aliases, 51 events, 81 claims, 465 spans) and that
/// every way of counting agrees.
#[test]
fn counts() {
    let kb = kb();
    assert_eq!(kb.source_count(), 3);
    assert!(kb.entity_count() >= 103, "{}", kb.entity_count());
    assert!(kb.event_count() >= 51, "{}", kb.event_count());
    assert!(kb.claim_count() >= 81, "{}", kb.claim_count());
    assert_eq!(kb.sources().len(), kb.source_count());
    assert_eq!(kb.entities().len(), kb.entity_count());
    assert_eq!(kb.events().count(), kb.event_count());
    assert_eq!(kb.claims().rev().count(), kb.claim_count());
    let aliases: usize = kb.entities().map(|e| e.aliases().len()).sum();
    assert!(aliases >= 142, "{aliases}");
    let spans: usize = kb.entities().map(|e| e.evidence().len()).sum::<usize>()
        + kb.events().map(|e| e.evidence().len()).sum::<usize>()
        + kb.claims().map(|c| c.evidence().len()).sum::<usize>();
    assert!(spans >= 465, "{spans}");
    assert!(kb.source_at(kb.source_count()).is_none());
    assert!(kb.claim_at(kb.claim_count()).is_none());
    // Every entity, event and claim is tied to the text.
    assert!(kb.entities().all(|e| e.evidence().len() > 0));
    assert!(kb.events().all(|e| e.evidence().len() > 0));
    assert!(kb.claims().all(|c| c.evidence().len() > 0));
    // A JSON round trip keeps every count.
    let again = KnowledgeBase::from_json(&kb.to_json().unwrap()).unwrap();
    assert_eq!(
        (
            again.source_count(),
            again.entity_count(),
            again.event_count(),
            again.claim_count()
        ),
        (
            kb.source_count(),
            kb.entity_count(),
            kb.event_count(),
            kb.claim_count()
        )
    );
}

#[test]
fn iterators_are_exact_and_double_ended() {
    let kb = kb();
    let n = kb.claim_count();
    let mut it = kb.claims();
    assert_eq!(it.len(), n);
    let first = it.next().unwrap();
    let last = it.next_back().unwrap();
    assert_eq!(it.len(), n - 2);
    assert_eq!(first, kb.claim_at(0).unwrap());
    assert_eq!(last, kb.claim_at(n - 1).unwrap());
    assert_eq!(kb.claims().nth(n - 1), Some(last));
    assert_eq!(kb.claims().nth(n), None);
    let ids: Vec<&str> = kb.claims().map(|c| c.id()).collect();
    let mut rev: Vec<&str> = kb.claims().rev().map(|c| c.id()).collect();
    rev.reverse();
    assert_eq!(ids, rev);
}

#[test]
fn sources_have_metadata() {
    let kb = kb();
    let ids: Vec<&str> = kb.sources().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "000_d477b4b9c20a8e87",
            "001_689928cb94a769b6",
            "002_0300900bb6ce87ea"
        ]
    );
    for (i, s) in kb.sources().enumerate() {
        assert_eq!(s.index(), i);
        assert_eq!(s.title(), Some("Iran–North Korea relations"));
        assert!(!s.text().is_empty());
    }
    let s000 = kb.find_source("000").unwrap().unwrap();
    assert_eq!(s000.label(), Some("older version"));
    assert_eq!(s000.text().len(), 4746);
    assert_eq!(
        kb.find_source("002_0300900bb6ce87ea")
            .unwrap()
            .unwrap()
            .label(),
        Some("later version")
    );
    assert_eq!(kb.find_source("999").unwrap(), None);
    let err = kb.find_source("00").unwrap_err();
    assert_eq!(err.status, Status::Ambiguous);
}

/// Every span's text is exactly the bytes it points at, and its code-point
/// range agrees with Rust's own count.
#[test]
fn evidence_text_is_the_source_bytes() {
    let kb = kb();
    let mut all = Vec::new();
    all.extend(kb.entities().flat_map(|e| e.evidence()));
    all.extend(kb.events().flat_map(|e| e.evidence()));
    all.extend(kb.claims().flat_map(|c| c.evidence()));
    all.extend(kb.unannotated().map(|u| u.evidence));
    assert!(all.len() >= 465, "{}", all.len());
    for ev in all {
        let text = ev.source().text();
        assert!(ev.start() < ev.end());
        assert_eq!(ev.text(), &text[ev.start()..ev.end()]);
        assert_eq!(ev.byte_range(), ev.start()..ev.end());
        let chars = ev.char_range();
        assert_eq!(chars.start, text[..ev.start()].chars().count());
        assert_eq!(chars.end - chars.start, ev.text().chars().count());
    }
}

#[test]
fn nuclear_cooperation_per_version() {
    let kb = kb();
    let claim = kb
        .find_claim("c-nuclear-cooperation")
        .expect("claim exists");
    assert_eq!(claim.predicate(), "cooperation_in");
    let s000 = kb.find_source("000").unwrap().unwrap();
    let s001 = kb.find_source("001").unwrap().unwrap();
    let s002 = kb.find_source("002").unwrap().unwrap();
    assert_eq!(claim.modality_in(s000), Some(Modality::Asserted));
    assert_eq!(claim.claimant_in(s000).unwrap().id(), "article");
    assert_eq!(claim.modality_in(s002), Some(Modality::Reported));
    assert_eq!(claim.claimant_in(s002).unwrap().id(), "some-media-reports");
    assert_eq!(claim.modality_in(s001), None);
    assert_eq!(claim.claimant_in(s001), None);

    let texts: Vec<(&str, &str)> = claim
        .evidence()
        .map(|e| (&e.source().id()[..3], e.text()))
        .collect();
    assert_eq!(
        texts,
        [
            ("000", "cooperating in the nuclear program of Iran"),
            (
                "002",
                "Some media reports claim this cooperation extends to nuclear cooperation"
            ),
        ]
    );
    match claim.object() {
        Value::Entity(e) => assert_eq!(e.name(), "Nuclear program of Iran"),
        other => panic!("unexpected object {other:?}"),
    }
    assert!(matches!(claim.subject(), Value::Entity(_)));
    assert_eq!(Modality::Asserted.name(), Some("asserted"));
    assert_eq!(Modality::from_name("reported"), Some(Modality::Reported));
    assert!(Modality::Asserted.strength() > Modality::Reported.strength());
}

#[test]
fn alias_lookup() {
    let kb = kb();
    // Exact: byte for byte.
    let exact = kb.find_alias("Iran–Iraq War", Match::Exact).unwrap();
    assert_eq!(exact.len(), 1);
    assert_eq!(exact[0].id(), "iran-iraq-war");
    assert_eq!(exact[0].kind(), EntityKind::Conflict);
    assert!(kb
        .find_alias("IRAN-IRAQ WAR", Match::Exact)
        .unwrap()
        .is_empty());
    // Normalised: dashes, case and spacing do not matter.
    for name in ["Iran-Iraq war", "IRAN–IRAQ WAR", "  iran-iraq   war "] {
        let found = kb.find_alias(name, Match::Normalised).unwrap();
        assert_eq!(
            found.iter().map(|e| e.id()).collect::<Vec<_>>(),
            ["iran-iraq-war"],
            "{name}"
        );
    }
    assert!(kb
        .find_alias("Atlantis", Match::Normalised)
        .unwrap()
        .is_empty());
    let war = kb.find_entity("iran-iraq-war").unwrap();
    assert!(war
        .aliases()
        .any(|a| a.text == "Iran-Iraq war" && a.lang == "en"));
}

#[test]
fn lookups_by_id() {
    let kb = kb();
    assert!(kb.find_entity("no-such-entity").is_none());
    assert!(kb.find_event("no-such-event").is_none());
    assert!(kb.find_claim("no-such-claim").is_none());
    assert!(kb.find_claim("").is_none());
    assert_eq!(kb.id_kind("c-nuclear-cooperation"), ObjectKind::Claim);
    assert_eq!(kb.id_kind("iran-iraq-war"), ObjectKind::Entity);
    assert_eq!(kb.id_kind("000_d477b4b9c20a8e87"), ObjectKind::Source);
    assert_eq!(kb.id_kind("nothing"), ObjectKind::None);
    // An entity found by id is the same object as the one walked to.
    let e = kb.find_entity("iran-iraq-war").unwrap();
    assert!(kb.entities().any(|x| x == e));
}

#[test]
fn events_have_participants_and_times() {
    let kb = kb();
    let mut timed = 0;
    for ev in kb.events() {
        assert!(!ev.event_type().is_empty());
        for p in ev.participants() {
            assert!(kb.find_entity(p.entity.id()).is_some());
            assert!(p.role.name().is_some());
        }
        if let Some(t) = ev.time() {
            timed += 1;
            assert!(!t.format().unwrap().is_empty());
            let b = t.bounds();
            assert!(
                b.fuzzy_lo <= b.strict_lo
                    && b.strict_lo <= b.strict_hi
                    && b.strict_hi <= b.fuzzy_hi
            );
            // A borrowed time can be copied to outlive nothing in particular.
            assert_eq!(t.to_time().unwrap(), t.to_time().unwrap());
        }
    }
    assert!(timed > 0);
    assert!(kb
        .events()
        .any(|e| e.time_text() == Some("early October 1980")));
}

#[test]
fn diff_000_to_002() {
    let kb = kb();
    let a = kb.find_source("000").unwrap().unwrap();
    let b = kb.find_source("002").unwrap().unwrap();
    let diff = kb.diff(a, b).unwrap();
    assert!(!diff.is_empty());
    assert_eq!(diff.iter().len(), diff.len());
    let about: Vec<_> = diff
        .iter()
        .filter(|d| d.claim(Side::A).map(|c| c.id()) == Some("c-nuclear-cooperation"))
        .collect();
    let kinds: Vec<DifferenceKind> = about.iter().map(|d| d.kind()).collect();
    assert!(kinds.contains(&DifferenceKind::Hedged), "{kinds:?}");
    assert!(kinds.contains(&DifferenceKind::Reattributed), "{kinds:?}");
    for d in &about {
        assert_eq!(d.object_kind(), ObjectKind::Claim);
        assert_eq!(d.source(Side::A), Some(a));
        assert_eq!(d.source(Side::B), Some(b));
    }
    let hedged = about
        .iter()
        .find(|d| d.kind() == DifferenceKind::Hedged)
        .unwrap();
    assert_eq!(hedged.modality(Side::A), Some(Modality::Asserted));
    assert_eq!(hedged.modality(Side::B), Some(Modality::Reported));
    assert_eq!(hedged.claimant(Side::A).unwrap().id(), "article");
    assert_eq!(hedged.claimant(Side::B).unwrap().id(), "some-media-reports");
    assert_eq!(
        hedged.evidence(Side::A).next().unwrap().text(),
        "cooperating in the nuclear program of Iran"
    );
    let reworded = about
        .iter()
        .find(|d| d.kind() == DifferenceKind::Reworded)
        .unwrap();
    assert!(reworded.changes().len() > 0);
    assert!(reworded
        .changes()
        .any(|c| c.removed == "cooperating in the"));
    assert_eq!(DifferenceKind::Hedged.to_string(), "hedged");

    // Added entities carry evidence on side B only.
    let added = diff
        .iter()
        .find(|d| d.kind() == DifferenceKind::Added && d.entity().is_some())
        .unwrap();
    assert_eq!(added.evidence(Side::A).len(), 0);
    assert!(added.evidence(Side::B).len() > 0);

    // The same source twice is refused.
    assert_eq!(kb.diff(a, a).unwrap_err().status, Status::Arg);
    // A source of another knowledge base is refused.
    let other = KnowledgeBase::builtin().unwrap();
    let foreign = other.source_at(0).unwrap();
    assert_eq!(kb.diff(foreign, b).unwrap_err().status, Status::Arg);

    let within = kb.diff_within(b).unwrap();
    for d in &within {
        assert_eq!(d.kind(), DifferenceKind::Contradicted);
    }
}

#[test]
fn version() {
    assert_eq!(relations::version(), "0.1.0");
    assert_eq!(relations::version_number(), 1000);
}
