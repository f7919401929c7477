// SPDX-License-Identifier: MIT
//! Queries on the built-in knowledge base: known answers, counts, errors.

use std::thread;

use relations::{
    Claim, Entity, EntityKind, Event, KnowledgeBase, Match, Modality, Query, QueryOptions, Status,
    Value, Window, YearCounts,
};

fn kb() -> KnowledgeBase {
    KnowledgeBase::builtin().expect("the built-in knowledge base opens")
}

fn ids<'kb, T: relations::QueryItem<'kb>>(
    mut q: Query<'kb, T>,
    id: fn(&T) -> &'kb str,
) -> Vec<&'kb str> {
    q.iter().map(|x| id(&x)).collect()
}

fn event_ids<'kb>(kb: &'kb KnowledgeBase, opts: &QueryOptions) -> Vec<&'kb str> {
    ids(kb.query_events(opts).unwrap(), |e: &Event<'kb>| e.id())
}

fn claim_ids<'kb>(kb: &'kb KnowledgeBase, opts: &QueryOptions) -> Vec<&'kb str> {
    ids(kb.query_claims(opts).unwrap(), |c: &Claim<'kb>| c.id())
}

fn entity_ids<'kb>(kb: &'kb KnowledgeBase, opts: &QueryOptions) -> Vec<&'kb str> {
    ids(kb.query_entities(opts).unwrap(), |e: &Entity<'kb>| e.id())
}

#[test]
fn events_of_a_pair_in_a_window() {
    let kb = kb();
    let opts = QueryOptions::new()
        .actor("iran")
        .actor2("north-korea")
        .window("1980/1989");
    assert_eq!(
        event_ids(&kb, &opts),
        ["nk-arms-sales-to-iran", "boeing-flights-1980"]
    );
    assert_eq!(
        event_ids(&kb, &opts.clone().certain(true)),
        ["boeing-flights-1980"]
    );
    assert_eq!(
        event_ids(&kb, &opts.clone().window_semantics(Window::Certain)),
        ["boeing-flights-1980"]
    );
    // The pair is unordered.
    let swapped = QueryOptions::new()
        .actor("north-korea")
        .actor2("iran")
        .window("1980/1989");
    assert_eq!(event_ids(&kb, &swapped), event_ids(&kb, &opts));
    // The results are the knowledge base's own objects.
    let mut q = kb.query_events(&opts).unwrap();
    assert_eq!(q.count(), 2);
    let second = q.iter().nth(1).unwrap();
    assert_eq!(Some(second), kb.find_event("boeing-flights-1980"));
}

#[test]
fn results_match_a_plain_walk() {
    let kb = kb();
    let iran = kb.find_entity("iran").unwrap();
    let expected: Vec<&str> = kb
        .events()
        .filter(|e| e.participants().any(|p| p.entity == iran))
        .map(|e| e.id())
        .collect();
    assert!(expected.len() > 10);
    assert_eq!(event_ids(&kb, &QueryOptions::new().actor("iran")), expected);
    let aid: Vec<&str> = kb
        .events()
        .filter(|e| e.event_type() == "AID" || e.event_type().starts_with("AID."))
        .map(|e| e.id())
        .collect();
    assert_eq!(event_ids(&kb, &QueryOptions::new().event_type("AID")), aid);
    let states: Vec<&str> = kb
        .entities()
        .filter(|e| e.kind() == EntityKind::State)
        .map(|e| e.id())
        .collect();
    assert_eq!(
        entity_ids(&kb, &QueryOptions::new().kind(EntityKind::State)),
        states
    );
    let all: Vec<&str> = kb.claims().map(|c| c.id()).collect();
    assert_eq!(claim_ids(&kb, &QueryOptions::new()), all);
    assert_eq!(
        kb.query_entities(&QueryOptions::new()).unwrap().count(),
        kb.entity_count()
    );
}

#[test]
fn entities_by_alias() {
    let kb = kb();
    assert_eq!(
        entity_ids(
            &kb,
            &QueryOptions::new().alias("iran-iraq war", Match::Normalised)
        ),
        ["iran-iraq-war"]
    );
    assert!(entity_ids(
        &kb,
        &QueryOptions::new().alias("iran-iraq war", Match::Exact)
    )
    .is_empty());
    let north = entity_ids(&kb, &QueryOptions::new().alias("north", Match::Prefix));
    assert_eq!(north.len(), 4);
    assert_eq!(north[0], "north-korea");
    assert!(north.iter().all(|id| id.starts_with("north-korea")));
    // find_alias has no prefix match.
    let err = kb.find_alias("north", Match::Prefix).unwrap_err();
    assert_eq!(err.status, Status::Arg);
}

#[test]
fn claims_by_source_claimant_modality_about_and_text() {
    let kb = kb();
    let later = kb.find_source("002").unwrap().unwrap();
    let reported = claim_ids(
        &kb,
        &QueryOptions::new()
            .source("002")
            .modality(Modality::Reported),
    );
    let expected: Vec<&str> = kb
        .claims()
        .filter(|c| c.modality_in(later) == Some(Modality::Reported))
        .map(|c| c.id())
        .collect();
    assert!(!reported.is_empty());
    assert_eq!(reported, expected);
    assert!(
        claim_ids(&kb, &QueryOptions::new().claimant("some-media-reports"))
            .contains(&"c-nuclear-cooperation")
    );
    let about = claim_ids(&kb, &QueryOptions::new().about("north-korea"));
    assert!(!about.is_empty());
    for id in about {
        let c = kb.find_claim(id).unwrap();
        let names = |v: Value<'_>| matches!(v, Value::Entity(e) if e.id() == "north-korea");
        assert!(names(c.subject()) || names(c.object()), "{id}");
    }
    let nuclear = claim_ids(&kb, &QueryOptions::new().text("nuclear"));
    assert!(nuclear.contains(&"c-nuclear-cooperation"));
    assert_eq!(
        claim_ids(&kb, &QueryOptions::new().text("NUCLEAR")),
        nuclear
    );
    assert!(claim_ids(&kb, &QueryOptions::new().text("nuclear zzzunknownword")).is_empty());
    // Modality::None means any.
    assert_eq!(
        claim_ids(&kb, &QueryOptions::new().modality(Modality::None)).len(),
        kb.claim_count()
    );
}

#[test]
fn per_year() {
    let kb = kb();
    let opts = QueryOptions::new()
        .actor("iran")
        .actor2("north-korea")
        .window("1980/1989");
    assert_eq!(
        kb.query_events(&opts).unwrap().per_year().unwrap(),
        YearCounts {
            years: vec![(1980, 2)],
            undated: 0
        }
    );
    let q = kb.query_events(&QueryOptions::new().actor("iran")).unwrap();
    let counts = q.per_year().unwrap();
    assert!(counts.years.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(counts.years.contains(&(1980, 2)));
    assert!(counts.undated > 0);
    assert_eq!(counts.total(), q.count() as u64);
}

#[test]
fn reading_again_and_by_hand() {
    let kb = kb();
    let opts = QueryOptions::new()
        .actor("iran")
        .actor2("north-korea")
        .window("1980/1989");
    let mut q = kb.query_events(&opts).unwrap();
    assert_eq!(q.next_result().unwrap().id(), "nk-arms-sales-to-iran");
    assert_eq!(q.count(), 2); // counting does not move the position
    assert_eq!(q.per_year().unwrap().years, [(1980, 2)]);
    assert_eq!(q.next_result().unwrap().id(), "boeing-flights-1980");
    assert!(q.next_result().is_none());
    assert!(q.next_result().is_none());
    q.reset();
    assert_eq!(q.next_result().unwrap().id(), "nk-arms-sales-to-iran");
    // iter() and &mut start from the first; a consumed query too.
    assert_eq!(q.iter().count(), 2);
    let mut n = 0;
    for _ in &mut q {
        n += 1;
    }
    assert_eq!(n, 2);
    let owned: Vec<&str> = q.into_iter().map(|e| e.id()).collect();
    assert_eq!(owned, ["nk-arms-sales-to-iran", "boeing-flights-1980"]);
    let mut generic = kb.query::<Event<'_>>(&opts).unwrap();
    assert_eq!(generic.iter().count(), 2);
    assert!(format!("{generic:?}").contains("count: 2"));
}

#[test]
fn filter_errors_carry_the_library_status() {
    let kb = kb();
    let err = kb
        .query_entities(&QueryOptions::new().actor("iran"))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
    assert!(
        err.message
            .contains("\"actor\" is not a filter of entities"),
        "{}",
        err.message
    );
    let err = kb
        .query_events(&QueryOptions::new().actor2("iran"))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
    let err = kb
        .query_events(&QueryOptions::new().alias("Iran", Match::Exact))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
    let err = kb
        .query_claims(&QueryOptions::new().window("1980"))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
    let err = kb
        .query_events(&QueryOptions::new().actor("nobody"))
        .unwrap_err();
    assert_eq!(err.status, Status::NotFound);
    assert!(err.message.contains("no such entity"), "{}", err.message);
    for opts in [
        QueryOptions::new().source("no-such-source"),
        QueryOptions::new().about("no-such-thing"),
    ] {
        assert_eq!(kb.query_claims(&opts).unwrap_err().status, Status::NotFound);
    }
    let err = kb
        .query_events(&QueryOptions::new().window("19x"))
        .unwrap_err();
    assert_eq!(err.status, Status::Syntax);
    let err = kb
        .query_events(&QueryOptions::new().actor("iran\0north-korea"))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
    assert!(err.message.contains("NUL"), "{}", err.message);
    let err = kb
        .query_entities(&QueryOptions::new().kind(EntityKind::Unknown(99)))
        .unwrap_err();
    assert_eq!(err.status, Status::Arg);
}

#[test]
fn indexes_are_built_once_and_dropped_by_writes() {
    let mut kb = KnowledgeBase::new().unwrap();
    kb.add_entity("iran", EntityKind::State, "Iran").unwrap();
    assert_eq!(kb.index_size(), 0);
    kb.build_indexes().unwrap();
    let size = kb.index_size();
    assert!(size > 0);
    kb.build_indexes().unwrap();
    assert_eq!(kb.index_size(), size);
    kb.add_entity("iraq", EntityKind::State, "Iraq").unwrap();
    assert_eq!(kb.index_size(), 0);
    assert_eq!(
        entity_ids(&kb, &QueryOptions::new().alias("ira", Match::Prefix)),
        ["iran", "iraq"]
    );
    assert!(kb.index_size() > 0);
}

#[test]
fn queries_from_several_threads() {
    let kb = kb();
    let opts = QueryOptions::new().text("nuclear");
    let expected = claim_ids(&kb, &opts);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..20 {
                    assert_eq!(claim_ids(&kb, &opts), expected);
                }
            });
        }
    });
    // A query may move to another thread.
    let q = kb.query_claims(&opts).unwrap();
    let n = thread::scope(|s| s.spawn(move || q.into_iter().count()).join().unwrap());
    assert_eq!(n, expected.len());
}
