//! An offer form carried in the form page's address. Without JavaScript a form
//! with problems comes back through a redirect, and this keeps what was typed.

use iey_dto::{OfferForm, WEEKDAYS};
use leptos_router::params::ParamsMap;

/// Marks an address that carries a draft.
const MARKER: &str = "draft";

/// The query string that carries `form` (made on the server, for redirects).
#[cfg(any(feature = "ssr", test))]
pub fn draft_query(form: &OfferForm) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair(MARKER, "1");
    // The router decodes query values twice, so a typed `%` is escaped once more.
    let escaped = |value: &str| value.replace('%', "%25");
    for (key, value) in texts(form) {
        if !value.is_empty() {
            query.append_pair(key, &escaped(value));
        }
    }
    for ((day, _), value) in WEEKDAYS.iter().zip(&form.weekly) {
        if !value.is_empty() {
            query.append_pair(day, &escaped(value));
        }
    }
    for (key, on) in flags(form) {
        if on {
            query.append_pair(key, "true");
        }
    }
    query.finish()
}

/// The form carried by an address's query, if it carries one.
pub fn draft_from_query(params: &ParamsMap) -> Option<OfferForm> {
    params.get(MARKER)?;
    let text = |key: &str| params.get(key).unwrap_or_default();
    let flag = |key: &str| params.get(key).is_some_and(|value| value == "true");
    Some(OfferForm {
        setting_name: text("setting_name"),
        setting_type: text("setting_type"),
        address: text("address"),
        city: text("city"),
        country: text("country"),
        time_zone: text("time_zone"),
        online: flag("online"),
        meeting_link: text("meeting_link"),
        description: text("description"),
        what_you_see: text("what_you_see"),
        duration_minutes: text("duration_minutes"),
        capacity: text("capacity"),
        requires_photo_id: flag("requires_photo_id"),
        requires_background_check: flag("requires_background_check"),
        languages: text("languages"),
        accessibility_notes: text("accessibility_notes"),
        practical_notes: text("practical_notes"),
        min_notice_hours: text("min_notice_hours"),
        horizon_days: text("horizon_days"),
        visibility: text("visibility"),
        weekly: WEEKDAYS.iter().map(|(day, _)| text(day)).collect(),
        exceptions: text("exceptions"),
    })
}

#[cfg(any(feature = "ssr", test))]
fn texts(form: &OfferForm) -> [(&'static str, &str); 18] {
    [
        ("setting_name", &form.setting_name),
        ("setting_type", &form.setting_type),
        ("address", &form.address),
        ("city", &form.city),
        ("country", &form.country),
        ("time_zone", &form.time_zone),
        ("meeting_link", &form.meeting_link),
        ("description", &form.description),
        ("what_you_see", &form.what_you_see),
        ("duration_minutes", &form.duration_minutes),
        ("capacity", &form.capacity),
        ("languages", &form.languages),
        ("accessibility_notes", &form.accessibility_notes),
        ("practical_notes", &form.practical_notes),
        ("min_notice_hours", &form.min_notice_hours),
        ("horizon_days", &form.horizon_days),
        ("visibility", &form.visibility),
        ("exceptions", &form.exceptions),
    ]
}

#[cfg(any(feature = "ssr", test))]
fn flags(form: &OfferForm) -> [(&'static str, bool); 3] {
    [
        ("online", form.online),
        ("requires_photo_id", form.requires_photo_id),
        ("requires_background_check", form.requires_background_check),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_the_round_trip() {
        let form = OfferForm {
            setting_name: "Sunny Days & Co <b>".into(),
            online: true,
            weekly: vec![
                "10:00-12:00".into(),
                String::new(),
                "9:00-10:00, 14:00-15:30".into(),
                String::new(),
                String::new(),
                String::new(),
                "noon".into(),
            ],
            exceptions: "2027-12-24 closed\n2028-01-05 10:00-12:00 extra 100%".into(),
            ..OfferForm::default()
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
