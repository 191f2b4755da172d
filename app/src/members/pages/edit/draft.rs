//! A profile form carried in the edit page's address. Without JavaScript a form
//! with problems comes back through a redirect, and this keeps what was typed.

use iey_dto::ProfileForm;
use leptos_router::params::ParamsMap;

/// Marks an address that carries a draft.
const MARKER: &str = "draft";

/// The query string that carries `form` (made on the server, for redirects).
#[cfg(any(feature = "ssr", test))]
pub fn draft_query(form: &ProfileForm) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair(MARKER, "1");
    // The router decodes query values twice, so a typed `%` is escaped once more.
    let escaped = |value: &str| value.replace('%', "%25");
    for (key, value) in texts(form) {
        query.append_pair(key, &escaped(value));
    }
    for (key, values) in lists(form) {
        for value in values {
            query.append_pair(key, &escaped(value));
        }
    }
    for (key, on) in [
        ("open_to_visits", form.open_to_visits),
        ("open_to_mentoring", form.open_to_mentoring),
    ] {
        if on {
            query.append_pair(key, "true");
        }
    }
    query.finish()
}

/// The form carried by an address's query, if it carries one.
pub fn draft_from_query(params: &ParamsMap) -> Option<ProfileForm> {
    params.get(MARKER)?;
    let text = |key: &str| params.get(key).unwrap_or_default();
    let list = |key: &str| params.get_all(key).unwrap_or_default();
    let flag = |key: &str| params.get(key).is_some_and(|value| value == "true");
    Some(ProfileForm {
        display_name: text("display_name"),
        handle: text("handle"),
        headline: text("headline"),
        organisation: text("organisation"),
        country: text("country"),
        city: text("city"),
        time_zone: text("time_zone"),
        languages: list("languages"),
        other_languages: text("other_languages"),
        sectors: list("sectors"),
        age_bands: list("age_bands"),
        interests: text("interests"),
        bio: text("bio"),
        visibility: text("visibility"),
        open_to_visits: flag("open_to_visits"),
        open_to_mentoring: flag("open_to_mentoring"),
    })
}

#[cfg(any(feature = "ssr", test))]
fn texts(form: &ProfileForm) -> [(&'static str, &str); 11] {
    [
        ("display_name", &form.display_name),
        ("handle", &form.handle),
        ("headline", &form.headline),
        ("organisation", &form.organisation),
        ("country", &form.country),
        ("city", &form.city),
        ("time_zone", &form.time_zone),
        ("other_languages", &form.other_languages),
        ("interests", &form.interests),
        ("bio", &form.bio),
        ("visibility", &form.visibility),
    ]
}

#[cfg(any(feature = "ssr", test))]
fn lists(form: &ProfileForm) -> [(&'static str, &[String]); 3] {
    [
        ("languages", &form.languages),
        ("sectors", &form.sectors),
        ("age_bands", &form.age_bands),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_the_round_trip() {
        let form = ProfileForm {
            display_name: "Zoë & Co <b>".into(),
            sectors: vec!["health".into(), "police".into()],
            bio: "Line one\nline two: https://example.org/?a=1&b=2 100% %41+".into(),
            open_to_mentoring: true,
            ..ProfileForm::default()
        };
        let query = draft_query(&form);
        let params: ParamsMap = form_urlencoded::parse(query.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .fold(ParamsMap::new(), |mut params, (key, value)| {
                params.insert(key, value);
                params
            });
        assert_eq!(draft_from_query(&params), Some(form));
        assert_eq!(draft_from_query(&ParamsMap::new()), None);
    }
}
