// SPDX-License-Identifier: MIT
//! Snapshots: saved, opened by mapping, read-only, refused when damaged.

use std::path::PathBuf;

use relations::{EntityKind, KnowledgeBase, Match, QueryOptions, Status};

/// A scratch folder of its own for each test, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("relations-rust-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_snapshot_reads_back_as_the_knowledge_base() {
    let dir = Scratch::new("round-trip");
    let path = dir.path("kb.rel");
    let kb = KnowledgeBase::builtin().unwrap();
    kb.save_snapshot(&path).unwrap();
    assert!(kb.index_size() > 0); // saving built them
    let snap = KnowledgeBase::open_snapshot(&path).unwrap();
    assert!(snap.is_read_only() && !kb.is_read_only());
    assert!(snap.index_size() > 0); // carried, not built
    assert_eq!(snap.to_json().unwrap(), kb.to_json().unwrap());
    assert_eq!(
        snap.find_claim("c-nuclear-cooperation").unwrap().id(),
        "c-nuclear-cooperation"
    );
    let opts = QueryOptions::new()
        .actor("iran")
        .actor2("north-korea")
        .window("1980/1989");
    let ids = |kb: &KnowledgeBase, opts: &QueryOptions| -> Vec<String> {
        kb.query_events(opts)
            .unwrap()
            .into_iter()
            .map(|e| e.id().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&snap, &opts),
        ["nk-arms-sales-to-iran", "boeing-flights-1980"]
    );
    assert_eq!(
        ids(&snap, &opts.clone().certain(true)),
        ["boeing-flights-1980"]
    );
    let north = snap
        .query_entities(&QueryOptions::new().alias("north", Match::Prefix))
        .unwrap();
    assert_eq!(north.count(), 4);
    assert_eq!(
        snap.query_events(&QueryOptions::new().actor("iran"))
            .unwrap()
            .per_year()
            .unwrap(),
        kb.query_events(&QueryOptions::new().actor("iran"))
            .unwrap()
            .per_year()
            .unwrap()
    );
}

#[test]
fn open_file_takes_either_format() {
    let dir = Scratch::new("either");
    let kb = KnowledgeBase::builtin().unwrap();
    kb.save_json(dir.path("kb.json")).unwrap();
    kb.save_snapshot(dir.path("kb.rel")).unwrap();
    let a = KnowledgeBase::open_file(dir.path("kb.json")).unwrap();
    let b = KnowledgeBase::open_file(dir.path("kb.rel")).unwrap();
    assert!(!a.is_read_only() && b.is_read_only());
    assert_eq!(a.to_json().unwrap(), b.to_json().unwrap());
}

#[test]
fn writes_fail_read_only() {
    let dir = Scratch::new("read-only");
    let path = dir.path("kb.rel");
    KnowledgeBase::builtin()
        .unwrap()
        .save_snapshot(&path)
        .unwrap();
    let mut snap = KnowledgeBase::open_snapshot(&path).unwrap();
    let err = snap
        .add_entity("new", EntityKind::State, "New")
        .unwrap_err();
    assert_eq!(err.status, Status::ReadOnly);
    assert!(err.message.contains("read-only"), "{}", err.message);
    assert_eq!(err.status.description(), Status::ReadOnly.description());
    snap.build_indexes().unwrap(); // nothing to do
}

#[test]
fn a_damaged_snapshot_fails_with_format() {
    let dir = Scratch::new("damaged");
    let path = dir.path("kb.rel");
    KnowledgeBase::builtin()
        .unwrap()
        .save_snapshot(&path)
        .unwrap();
    let mut data = std::fs::read(&path).unwrap();
    let middle = data.len() / 2;
    data[middle] ^= 0x20;
    std::fs::write(&path, &data).unwrap();
    let err = KnowledgeBase::open_snapshot(&path).unwrap_err();
    assert_eq!(err.status, Status::Format);
    assert!(err.message.contains("checksum mismatch"), "{}", err.message);
    assert_eq!(err.file, path.to_str().unwrap());
    let short = dir.path("short.rel");
    std::fs::write(&short, &data[..100]).unwrap();
    let err = KnowledgeBase::open_snapshot(&short).unwrap_err();
    assert_eq!(err.status, Status::Format);
    assert!(
        err.message.contains("truncated: 100 bytes"),
        "{}",
        err.message
    );
    let err = KnowledgeBase::open_file(&short).unwrap_err();
    assert_eq!(err.status, Status::Format);
    let err = KnowledgeBase::open_snapshot(dir.path("missing.rel")).unwrap_err();
    assert_eq!(err.status, Status::Io);
}

#[test]
fn the_new_statuses_have_descriptions() {
    for status in [Status::Format, Status::ReadOnly, Status::Cancelled] {
        assert!(status.is_error());
        assert_ne!(status.description(), "unknown status");
        assert_eq!(Status::from_raw(status.as_raw()), status);
    }
    assert_eq!(Status::Format.as_raw(), -14);
    assert_eq!(Status::ReadOnly.as_raw(), -15);
    assert_eq!(Status::Cancelled.as_raw(), -16);
}
