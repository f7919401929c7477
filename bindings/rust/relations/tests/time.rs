// SPDX-License-Identifier: MIT
//! Fuzzy time on its own.

use relations::{date_from_day, day_from_date, BoundKind, Status, Time, TimeModifier, Window};

#[test]
fn parse_and_describe() {
    let t = Time::parse("START 1980-10").unwrap();
    assert_eq!(t.describe().unwrap(), "early October 1980");
    assert_eq!(t.format().unwrap(), "START 1980-10");
    assert_eq!(t.to_string(), "START 1980-10");
    assert_eq!(t.modifier(), TimeModifier::Start);
    assert!(!t.is_relative());
    let b = t.bounds();
    assert_eq!((b.lo_kind, b.hi_kind), (BoundKind::Day, BoundKind::Day));
    assert_eq!(date_from_day(b.strict_lo).unwrap(), (1980, 10, 1));
    assert_eq!(date_from_day(b.strict_hi).unwrap(), (1980, 10, 10));
    assert_eq!(b.strict_lo, day_from_date(1980, 10, 1).unwrap());
    assert!(b.fuzzy_hi >= b.strict_hi);

    assert_eq!(
        Time::parse("198X").unwrap().describe().unwrap(),
        "the 1980s"
    );
    assert_eq!(
        Time::parse("BEFORE 1979").unwrap().describe().unwrap(),
        "before 1979"
    );
    let ago = Time::parse("MORE_THAN -P1600Y").unwrap();
    assert!(ago.is_relative());
    assert_eq!(ago.bounds().lo_kind, BoundKind::NotGiven);
    assert_eq!(ago.bounds().strict_lo, i64::MIN);
}

#[test]
fn order_and_overlap() {
    let early = Time::parse("START 1980-10").unwrap();
    let year = Time::parse("1980").unwrap();
    let later = Time::parse("1985").unwrap();
    assert!(early.overlaps(&year));
    assert!(!early.overlaps(&later));
    assert!(year < later);
    let mut v = [later.clone(), early.clone(), year.clone()];
    v.sort();
    assert_eq!(
        v.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
        ["1980", "START 1980-10", "1985"]
    );
    let oct = (
        day_from_date(1980, 10, 1).unwrap(),
        day_from_date(1980, 10, 31).unwrap(),
    );
    assert!(early.in_window(oct.0, oct.1, Window::Certain));
    assert!(!year.in_window(oct.0, oct.1, Window::Certain));
    assert!(year.in_window(oct.0, oct.1, Window::Possible));
    assert_eq!(early.try_clone().unwrap(), early);
}

#[test]
fn errors() {
    let e = Time::parse("1980-13").unwrap_err();
    assert_eq!(e.status, Status::Range, "{e}");
    let e = Time::parse("1985-02-30").unwrap_err();
    assert_eq!(e.status, Status::Range, "{e}");
    let e = Time::parse("START banana").unwrap_err();
    assert_eq!(e.status, Status::Syntax, "{e}");
    assert!(e.offset > 0, "{e:?}");
    assert!(!e.message.is_empty());
    assert_eq!(Time::parse("").unwrap_err().status, Status::Syntax);
    assert_eq!(Time::parse("1980\0").unwrap_err().status, Status::Syntax);
    assert_eq!(
        day_from_date(1985, 2, 30).unwrap_err().status,
        Status::Range
    );
}
