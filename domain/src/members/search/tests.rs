//! Unit tests of search parsing: sorts, terms, filters and their messages.

use super::*;

fn query(q: &str) -> MemberQuery {
    MemberQuery {
        q: q.to_owned(),
        ..MemberQuery::default()
    }
}

#[test]
fn cursors_round_trip_and_reject_nonsense() {
    let now = Utc::now();
    for cursor in [
        Cursor::Name {
            sort_name: "ana|lopez".into(),
            id: 42,
        },
        Cursor::Newest {
            created_at: now,
            id: 7,
        },
        Cursor::Relevance {
            score: 6,
            sort_name: "zoë o'neil".into(),
            id: 3,
        },
    ] {
        let sort = match cursor {
            Cursor::Name { .. } => DirectorySort::Name,
            Cursor::Newest { .. } => DirectorySort::Newest,
            Cursor::Relevance { .. } => DirectorySort::Relevance,
        };
        assert_eq!(parse_cursor(sort, &cursor.encode()), Ok(Some(cursor)));
    }
    assert!(parse_cursor(DirectorySort::Name, "nonsense").is_err());
    assert!(parse_cursor(DirectorySort::Newest, "yesterday|4").is_err());
    assert!(parse_cursor(DirectorySort::Relevance, "x|a|4").is_err());
}

#[test]
fn the_default_sort_follows_the_words() {
    assert_eq!(Search::parse(&query("")).unwrap().sort, DirectorySort::Name);
    assert_eq!(
        Search::parse(&query("heal")).unwrap().sort,
        DirectorySort::Relevance
    );
    assert_eq!(Search::parse(&query("%*")).unwrap().terms.len(), 0);
}

#[test]
fn every_bad_field_gets_a_message() {
    let bad = MemberQuery {
        sector: "astronaut".into(),
        country: "XX".into(),
        language: "klingon".into(),
        age_band: "9-99".into(),
        interest: "<script>".into(),
        sort: "random".into(),
        ..MemberQuery::default()
    };
    let error = Search::parse(&bad).unwrap_err();
    for field in [
        "sector", "country", "language", "age_band", "interest", "sort",
    ] {
        assert!(error.field_message(field).is_some(), "{field}: {error:?}");
    }
}
