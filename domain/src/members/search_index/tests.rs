//! Unit tests of search documents: words, field groups and placeholders.

use super::*;

#[test]
fn words_are_ascii_lower_case_and_split_on_punctuation() {
    assert_eq!(words("Zoë O'Neil-Smith"), ["zoe", "o", "neil", "smith"]);
    assert_eq!(words("  \"heal*\" (AND) "), ["heal", "and"]);
    assert!(words("%_'\"*").is_empty());
}

#[test]
fn documents_keep_field_groups_apart() {
    let interests = vec!["infant-mental-health".to_owned()];
    let document = SearchDocument::of(&Searchable {
        member_id: 7,
        display_name: "Ana López",
        handle: "ana-lopez-7",
        headline: "Health visitor",
        organisation: None,
        bio: "Loves stories.",
        interests: &interests,
    });
    assert_eq!(document.names, " ana lopez ana lopez 7 ");
    assert_eq!(document.roles, " health visitor ");
    assert_eq!(document.interests, " infant mental health ");
    assert!(document.document.ends_with("health loves stories"));
    assert_eq!(
        numbered(DbBackend::Postgres, "a = ? and ?"),
        "a = $1 and $2"
    );
}
