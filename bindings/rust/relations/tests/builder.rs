// SPDX-License-Identifier: MIT
//! Building a knowledge base, JSON round trips and error paths.

use std::io;

use relations::{
    ClaimSpec, EntityKind, KnowledgeBase, Modality, Polarity, Quote, Relation, Role, SourceSpec,
    Status, Value, ValueSpec,
};

/// "–" (3 bytes) and "é" (2 bytes) make byte and character offsets differ.
const S1: &str =
    "Iran sent arms to Syria in early 1980. Reports say Iran sent arms again \u{2013} caf\u{e9}.";
const S2: &str = "Iran sent arms to Syria. Some media reports say so.";

fn build() -> KnowledgeBase {
    let mut kb = KnowledgeBase::new().unwrap();
    kb.add_source(
        &SourceSpec::new("s1", S1)
            .title("Iran\u{2013}Syria")
            .label("older version")
            .lang("en")
            .date("1980-10"),
    )
    .unwrap();
    kb.add_source(
        &SourceSpec::new("s2", S2)
            .label("later version")
            .revises("s1"),
    )
    .unwrap();
    kb.add_entity("iran", EntityKind::State, "Iran").unwrap();
    kb.add_entity("syria", EntityKind::State, "Syria").unwrap();
    kb.add_entity("article", EntityKind::Publication, "the article")
        .unwrap();
    kb.add_entity("media", EntityKind::Group, "some media reports")
        .unwrap();
    kb.add_alias("iran", "\u{627}\u{6cc}\u{631}\u{627}\u{646}", "fa")
        .unwrap();
    kb.add_evidence("iran", "s1", 0..4).unwrap();
    kb.add_evidence("syria", "s2", 18..23).unwrap();
    kb.add_evidence("media", "s2", 25..43).unwrap();

    kb.add_event("e-arms", "AID.military").unwrap();
    kb.add_participant("e-arms", "iran", Role::Agent).unwrap();
    kb.add_participant("e-arms", "syria", Role::Recipient)
        .unwrap();
    kb.set_event_time("e-arms", "START 1980", Some("early 1980"))
        .unwrap();
    kb.add_evidence_quote("e-arms", "s1", &Quote::new("Iran sent arms to Syria"))
        .unwrap();

    kb.add_predicate("supplies_arms_to", false).unwrap();
    kb.add_predicate("amount", true).unwrap();
    kb.add_claim(
        &ClaimSpec::new(
            "c-arms",
            ValueSpec::Entity("iran"),
            "supplies_arms_to",
            "article",
            Modality::Asserted,
        )
        .object(ValueSpec::Entity("syria")),
    )
    .unwrap();
    kb.set_claim_version("c-arms", "s2", Some("media"), Some(Modality::Reported))
        .unwrap();
    kb.add_evidence_quote("c-arms", "s1", &Quote::new("Iran sent arms to Syria"))
        .unwrap();
    kb.add_evidence_quote("c-arms", "s2", &Quote::new("Iran sent arms to Syria"))
        .unwrap();
    kb.add_claim(
        &ClaimSpec::new(
            "c-again",
            ValueSpec::Entity("iran"),
            "supplies_arms_to",
            "article",
            Modality::Reported,
        )
        .object(ValueSpec::Time {
            expr: "1980",
            words: Some("again"),
        }),
    )
    .unwrap();
    // "Iran sent arms" stands twice in s1: the suffix tells which.
    kb.add_evidence_quote(
        "c-again",
        "s1",
        &Quote::new("Iran sent arms").suffix(" again"),
    )
    .unwrap();
    kb.add_claim(
        &ClaimSpec::new(
            "c-amount",
            ValueSpec::Event("e-arms"),
            "amount",
            "article",
            Modality::Hedged,
        )
        .object(ValueSpec::Quantity {
            number: 3.5,
            unit: Some("tonnes"),
        })
        .polarity(Polarity::Negative),
    )
    .unwrap();
    let cafe = S1.find("caf\u{e9}").unwrap(); // after a 3-byte dash; "é" is 2 bytes
    kb.add_evidence("c-amount", "s1", cafe..cafe + 5).unwrap();
    kb.add_claim_relation("c-again", Relation::Supports, "c-arms")
        .unwrap();
    kb.add_unannotated("s2", 44..51, "a remark").unwrap();
    kb
}

#[test]
fn build_and_read_back() {
    let kb = build();
    assert_eq!(
        (
            kb.source_count(),
            kb.entity_count(),
            kb.event_count(),
            kb.claim_count()
        ),
        (2, 4, 1, 3)
    );
    let s1 = kb.find_source("s1").unwrap().unwrap();
    let s2 = kb.find_source("s2").unwrap().unwrap();
    assert_eq!(s1.title(), Some("Iran\u{2013}Syria"));
    assert_eq!(s1.date(), Some("1980-10"));
    assert_eq!(s2.revises(), Some(s1));
    assert_eq!(s2.url(), None);

    let iran = kb.find_entity("iran").unwrap();
    assert_eq!(iran.kind(), EntityKind::State);
    assert!(iran.aliases().any(|a| a.lang == "fa"));

    let ev = kb.find_event("e-arms").unwrap();
    assert_eq!(ev.event_type(), "AID.military");
    let roles: Vec<(&str, Role)> = ev.participants().map(|p| (p.entity.id(), p.role)).collect();
    assert_eq!(roles, [("iran", Role::Agent), ("syria", Role::Recipient)]);
    assert_eq!(ev.time().unwrap().to_string(), "START 1980");
    assert_eq!(ev.time_text(), Some("early 1980"));

    let arms = kb.find_claim("c-arms").unwrap();
    assert_eq!(arms.modality_in(s1), Some(Modality::Asserted));
    assert_eq!(
        arms.claimant_in(s1),
        Some(kb.find_entity("article").unwrap())
    );
    assert_eq!(arms.modality_in(s2), Some(Modality::Reported));
    assert_eq!(arms.claimant_in(s2).unwrap().id(), "media");
    assert_eq!(
        arms.object(),
        Value::Entity(kb.find_entity("syria").unwrap())
    );

    let again = kb.find_claim("c-again").unwrap();
    let ev = again.evidence().next().unwrap();
    assert_eq!(ev.text(), "Iran sent arms");
    assert_eq!(ev.start(), S1.find("Iran sent arms again").unwrap());
    match again.object() {
        Value::Time { time, words } => {
            assert_eq!(time.to_string(), "1980");
            assert_eq!(words, Some("again"));
        }
        other => panic!("{other:?}"),
    }
    let rel: Vec<_> = again
        .relations()
        .map(|r| (r.relation, r.target.id()))
        .collect();
    assert_eq!(rel, [(Relation::Supports, "c-arms")]);

    let amount = kb.find_claim("c-amount").unwrap();
    assert_eq!(amount.polarity(), Polarity::Negative);
    assert_eq!(
        amount.object(),
        Value::Quantity {
            number: 3.5,
            unit: Some("tonnes")
        }
    );
    assert!(matches!(amount.subject(), Value::Event(e) if e.id() == "e-arms"));
    let ev = amount.evidence().next().unwrap();
    assert_eq!(ev.text(), "café");
    let chars_before = S1[..ev.start()].chars().count();
    assert_eq!(
        ev.start() - chars_before,
        2,
        "the dash takes 3 bytes, 1 character"
    );
    assert_eq!(ev.char_range(), chars_before..chars_before + 4);

    assert!(kb.predicate_is_functional("amount"));
    assert!(!kb.predicate_is_functional("supplies_arms_to"));
    let preds: Vec<_> = kb.predicates().map(|p| (p.name, p.functional)).collect();
    assert_eq!(preds, [("supplies_arms_to", false), ("amount", true)]);
    let un: Vec<_> = kb
        .unannotated()
        .map(|u| (u.evidence.text(), u.reason))
        .collect();
    assert_eq!(un, [("say so.", "a remark")]);

    let diff = kb.diff(s1, s2).unwrap();
    let kinds: Vec<_> = diff
        .iter()
        .filter(|d| d.claim(relations::Side::A).map(|c| c.id()) == Some("c-arms"))
        .map(|d| d.kind())
        .collect();
    assert!(
        kinds.contains(&relations::DifferenceKind::Hedged),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&relations::DifferenceKind::Reattributed),
        "{kinds:?}"
    );
}

#[test]
fn json_round_trip() {
    let kb = build();
    let json = kb.to_json().unwrap();
    let again = KnowledgeBase::from_json(&json).unwrap();
    assert_eq!(
        again.to_json().unwrap(),
        json,
        "exporting an import gives the same bytes"
    );
    assert_eq!(again.claim_count(), 3);
    // From bytes as well as from a str.
    let from_bytes = KnowledgeBase::from_json(json.as_bytes()).unwrap();
    assert_eq!(from_bytes.entity_count(), 4);

    // Through a file.
    let dir = std::env::temp_dir().join(format!("relations-rs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kb.json");
    kb.save_json(&path).unwrap();
    let loaded = KnowledgeBase::from_json_file(&path).unwrap();
    assert_eq!(loaded.to_json().unwrap(), json);
    std::fs::remove_dir_all(&dir).unwrap();

    // The built-in one round-trips too.
    let builtin = KnowledgeBase::builtin().unwrap();
    let json = builtin.to_json().unwrap();
    assert_eq!(
        KnowledgeBase::from_json(&json).unwrap().to_json().unwrap(),
        json
    );
}

#[test]
fn builder_errors() {
    let mut kb = build();
    let before = kb.to_json().unwrap();

    // Text that is not UTF-8, as a byte slice.
    let e = kb
        .add_entity("bad", EntityKind::Other, b"caf\xe9".as_slice())
        .unwrap_err();
    assert_eq!(e.status, Status::Utf8, "{e}");
    assert!(!e.message.is_empty());
    let e = kb
        .add_source(&SourceSpec::new("s3", b"\xff\xfe".as_slice()))
        .unwrap_err();
    assert_eq!(e.status, Status::Utf8, "{e}");
    // A NUL inside text is refused too (strings are passed with their length).
    assert!(kb.add_entity("nul", EntityKind::Other, "a\0b").is_err());

    assert_eq!(
        kb.add_entity("iran", EntityKind::State, "Iran")
            .unwrap_err()
            .status,
        Status::Duplicate
    );
    assert_eq!(
        kb.add_alias("nobody", "X", "en").unwrap_err().status,
        Status::Reference
    );
    assert_eq!(
        kb.add_evidence("iran", "s1", 0..1000).unwrap_err().status,
        Status::Range
    );
    let dash = S1.find('\u{2013}').unwrap();
    assert_eq!(
        kb.add_evidence("iran", "s1", dash..dash + 1)
            .unwrap_err()
            .status,
        Status::Range
    );
    assert_eq!(
        kb.add_evidence("iran", "nowhere", 0..4).unwrap_err().status,
        Status::Reference
    );
    assert_eq!(
        kb.add_evidence_quote("iran", "s1", &Quote::new("Iran sent arms"))
            .unwrap_err()
            .status,
        Status::Ambiguous
    );
    assert_eq!(
        kb.add_evidence_quote("iran", "s1", &Quote::new("Atlantis"))
            .unwrap_err()
            .status,
        Status::NotFound
    );
    assert_eq!(
        kb.set_event_time("e-arms", "START banana", None)
            .unwrap_err()
            .status,
        Status::Syntax
    );
    let e = kb
        .add_claim(&ClaimSpec::new(
            "c-x",
            ValueSpec::Entity("nobody"),
            "says",
            "article",
            Modality::Asserted,
        ))
        .unwrap_err();
    assert_eq!(e.status, Status::Reference);
    let e = kb
        .add_claim(&ClaimSpec::new(
            "c-y",
            ValueSpec::Entity("iran"),
            "says",
            "article",
            Modality::None,
        ))
        .unwrap_err();
    assert_eq!(e.status, Status::Arg);
    assert_eq!(
        kb.set_claim_version("c-arms", "s1", None, None)
            .unwrap_err()
            .status,
        Status::Arg
    );
    assert_eq!(
        kb.add_claim_relation("c-arms", Relation::Supports, "c-arms")
            .unwrap_err()
            .status,
        Status::Arg
    );
    assert_eq!(
        kb.add_predicate("Bad Name", false).unwrap_err().status,
        Status::Arg
    );
    assert_eq!(
        kb.add_entity("", EntityKind::Other, "x")
            .unwrap_err()
            .status,
        Status::Arg
    );

    // Every failed call left the knowledge base as it was.
    assert_eq!(kb.to_json().unwrap(), before);
    // A later success still works.
    kb.add_entity("lebanon", EntityKind::State, "Lebanon")
        .unwrap();
    assert_eq!(kb.entity_count(), 5);
}

#[test]
fn json_errors() {
    let e = KnowledgeBase::from_json("{\n  \"sources\": [\n    }\n}").unwrap_err();
    assert_eq!(e.status, Status::Syntax, "{e}");
    assert_eq!(e.line, 3, "{e:?}");
    assert!(e.column > 0, "{e:?}");
    assert!(e.to_string().starts_with("3:"), "{e}");

    let e = KnowledgeBase::from_json(b"{\"sources\": \"\xff\"}".as_slice()).unwrap_err();
    assert!(matches!(e.status, Status::Utf8 | Status::Syntax), "{e}");

    let e = KnowledgeBase::from_json("{\"no such member\": 1}").unwrap_err();
    assert_eq!(e.status, Status::Schema, "{e}");

    let missing = std::env::temp_dir().join("relations-rs-no-such-file.json");
    let e = KnowledgeBase::from_json_file(&missing).unwrap_err();
    assert_eq!(e.status, Status::Io, "{e}");
    assert!(e.to_string().contains("no-such-file"), "{e}");
    assert_eq!(
        KnowledgeBase::from_json_file("a\0b").unwrap_err().status,
        Status::Arg
    );

    // A writer that fails gives an I/O error with its message.
    struct Broken;
    impl io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let kb = KnowledgeBase::builtin().unwrap();
    let e = kb.write_json(Broken).unwrap_err();
    assert_eq!(e.status, Status::Io);
    assert!(e.message.contains("disk on fire"), "{e}");
}

#[test]
#[should_panic(expected = "writer panicked")]
fn writer_panic_is_resumed_not_unwound_through_c() {
    struct Panicky;
    impl io::Write for Panicky {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            panic!("writer panicked");
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let kb = KnowledgeBase::builtin().unwrap();
    let _ = kb.write_json(Panicky);
}

#[test]
fn enum_names() {
    assert_eq!(EntityKind::from_name("state"), Some(EntityKind::State));
    assert_eq!(EntityKind::State.to_string(), "state");
    assert_eq!(EntityKind::from_name("unicorn"), None);
    assert_eq!(EntityKind::from_raw(999), EntityKind::Unknown(999));
    assert_eq!(EntityKind::Unknown(999).as_raw(), 999);
    assert_eq!(EntityKind::Unknown(999).name(), None);
    assert_eq!(Role::from_name("agent"), Some(Role::Agent));
    assert_eq!(Relation::from_name("disputes"), Some(Relation::Disputes));
    assert_eq!(Status::from_raw(-5), Status::Syntax);
    assert_eq!(Status::from_raw(-99), Status::Unknown(-99));
    assert_eq!(Status::Unknown(-99).description(), "unknown status");
    assert!(Status::Syntax.is_error() && !Status::Done.is_error());
    assert_eq!(Modality::None.name(), None);
    assert_eq!(
        relations::normalise("Iran\u{2019}s  Iran\u{2013}Iraq WAR ").unwrap(),
        relations::normalise("iran's iran-iraq war").unwrap()
    );
}
