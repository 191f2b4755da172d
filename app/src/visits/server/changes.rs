//! The visit planner's changes: saving and publishing offers, asking for a visit,
//! answering and cancelling, reflections and the calendar feed. Each goes back to
//! a page of the planner; without JavaScript a failure comes back with what was
//! typed and which visit it was about (`visit=<id>`), so the right form shows it.

use iey_dto::{AppError, OfferForm, VisitRequestForm, WorkingHoursForm};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::forms::keep_on_error;
#[cfg(feature = "ssr")]
use crate::server::{db, viewer};

/// Saves offer `id` (a new draft when `None`) and goes to it. Without JavaScript
/// a form with problems comes back to the form page with everything as typed.
#[server(endpoint = "save_visit_offer")]
pub async fn save_offer(id: Option<i32>, form: OfferForm) -> Result<(), AppError> {
    use iey_domain::visits::offers::{create_offer, update_offer};
    let (db, viewer) = (db()?, viewer());
    let saved = match id {
        Some(id) => update_offer(&db, &viewer, id, &form).await.map(|()| id),
        None => create_offer(&db, &viewer, &form).await,
    };
    match saved {
        Ok(id) => {
            leptos_axum::redirect(&format!("/visits/offers/{id}?done=saved"));
            Ok(())
        }
        Err(error) => {
            crate::server::set_error_status(&error);
            let form_page = match id {
                Some(id) => format!("/visits/offers/{id}/edit"),
                None => "/visits/offers/new".to_owned(),
            };
            let draft = crate::visits::offer_form::draft_query(&form);
            crate::forms::send_back::<SaveOffer>(&format!("{form_page}?{draft}"), &error);
            Err(error)
        }
    }
}

/// Publishes, pauses or closes offer `id`, or takes it back to a draft
/// (`status` is the status's code).
#[server(endpoint = "visit_offer_status")]
pub async fn change_offer_status(id: i32, status: String, back: String) -> Result<(), AppError> {
    let Some(new_status) = iey_dto::OfferStatus::from_code(&status) else {
        let error = AppError::BadRequest {
            detail: format!("unknown offer status {status:?}"),
        };
        return keep_on_error::<ChangeOfferStatus, _>(Err(error), &[]);
    };
    let changed =
        iey_domain::visits::offers::set_offer_status(&db()?, &viewer(), id, new_status).await;
    keep_on_error::<ChangeOfferStatus, _>(changed, &[])?;
    go_back(&back, new_status.code());
    Ok(())
}

/// Asks for a slot of offer `offer_id` and goes to the new visit. `for_group`
/// is set by the forms under "Find a time for a group", so that a failure sent
/// back without JavaScript shows on the form it came from.
#[server(endpoint = "request_visit")]
pub async fn request_visit(
    offer_id: i32,
    form: VisitRequestForm,
    for_group: Option<String>,
) -> Result<(), AppError> {
    let now = std::time::SystemTime::now().into();
    let asked =
        iey_domain::visits::booking::request_visit(&db()?, &viewer(), offer_id, &form, now).await;
    let flag = |on: bool| if on { "true" } else { "" };
    let kept = [
        ("for_group", flag(for_group.is_some())),
        ("starts_at", form.starts_at.as_str()),
        ("message", form.message.as_str()),
        ("companions", form.companions.as_str()),
        ("attest_photo_id", flag(form.attest_photo_id)),
        (
            "attest_background_check",
            flag(form.attest_background_check),
        ),
    ];
    let id = keep_on_error::<RequestVisit, _>(asked, &kept)?;
    leptos_axum::redirect(&format!("/visits/{id}?done=requested"));
    Ok(())
}

/// The host approves visit `id`.
#[server(endpoint = "approve_visit")]
pub async fn approve_visit(id: i32, back: String) -> Result<(), AppError> {
    let approved = iey_domain::visits::booking::approve(&db()?, &viewer(), id).await;
    keep_on_error::<ApproveVisit, _>(approved, &[("visit", &id.to_string())])?;
    go_back(&back, "approved");
    Ok(())
}

/// The host puts visit `id` on the waiting list.
#[server(endpoint = "waitlist_visit")]
pub async fn waitlist_visit(id: i32, back: String) -> Result<(), AppError> {
    let waitlisted = iey_domain::visits::booking::waitlist(&db()?, &viewer(), id).await;
    keep_on_error::<WaitlistVisit, _>(waitlisted, &[("visit", &id.to_string())])?;
    go_back(&back, "waitlisted");
    Ok(())
}

/// The host declines visit `id`, saying why.
#[server(endpoint = "decline_visit")]
pub async fn decline_visit(id: i32, reason: String, back: String) -> Result<(), AppError> {
    let declined = iey_domain::visits::booking::decline(&db()?, &viewer(), id, &reason).await;
    let kept = [("visit", id.to_string()), ("reason", reason)];
    keep_on_error::<DeclineVisit, _>(declined, &pairs(&kept))?;
    go_back(&back, "declined");
    Ok(())
}

/// The visitor or the host calls off visit `id`, saying why.
#[server(endpoint = "cancel_visit")]
pub async fn cancel_visit(id: i32, reason: String, back: String) -> Result<(), AppError> {
    let cancelled = iey_domain::visits::booking::cancel(&db()?, &viewer(), id, &reason).await;
    let kept = [("visit", id.to_string()), ("reason", reason)];
    keep_on_error::<CancelVisit, _>(cancelled, &pairs(&kept))?;
    go_back(&back, "cancelled");
    Ok(())
}

/// The visitor takes the place offered to them on visit `id`.
#[server(endpoint = "take_visit_place")]
pub async fn take_place(id: i32, back: String) -> Result<(), AppError> {
    let taken = iey_domain::visits::booking::take_place(&db()?, &viewer(), id).await;
    keep_on_error::<TakePlace, _>(taken, &[("visit", &id.to_string())])?;
    go_back(&back, "taken");
    Ok(())
}

/// Saves the viewer's reflection on visit `id` (an empty one removes it).
#[server(endpoint = "save_visit_reflection")]
pub async fn save_reflection(id: i32, body: String, shared: Option<bool>) -> Result<(), AppError> {
    let now = std::time::SystemTime::now().into();
    let shared = shared.unwrap_or(false);
    let saved =
        iey_domain::visits::reflections::save_reflection(&db()?, &viewer(), id, &body, shared, now)
            .await;
    keep_on_error::<SaveReflection, _>(saved, &[("body", &body)])?;
    leptos_axum::redirect(&format!("/visits/{id}?done=reflected#reflections"));
    Ok(())
}

/// Saves the viewer's working hours and goes back to the settings page.
#[server(endpoint = "save_working_hours")]
pub async fn save_working_hours(form: WorkingHoursForm) -> Result<(), AppError> {
    let saved = iey_domain::visits::find_time::save_working_hours(&db()?, &viewer(), &form).await;
    // What other panels left in the address goes; the form comes back as typed.
    let mut kept = vec![
        ("done", ""),
        ("feed", ""),
        ("feed_off", ""),
        ("hours_draft", "1"),
        ("hours_start", form.start.as_str()),
        ("hours_end", form.end.as_str()),
    ];
    kept.extend(form.days.iter().map(|day| ("hours_days", day.as_str())));
    keep_on_error::<SaveWorkingHours, _>(saved, &kept)?;
    leptos_axum::redirect("/settings?done=hours#working-hours");
    Ok(())
}

/// Makes a new calendar-feed address (the old one stops working) and shows it
/// once on the settings page.
#[server(endpoint = "make_calendar_feed")]
pub async fn make_feed() -> Result<(), AppError> {
    let made = iey_domain::visits::ical::new_feed_token(&db()?, &viewer()).await;
    let token = keep_on_error::<MakeFeed, _>(made, &[])?;
    leptos_axum::redirect(&format!("/settings?feed={token}#calendar-feed"));
    Ok(())
}

/// Turns the calendar feed off.
#[server(endpoint = "revoke_calendar_feed")]
pub async fn revoke_feed() -> Result<(), AppError> {
    let revoked = iey_domain::visits::ical::revoke_feed(&db()?, &viewer()).await;
    keep_on_error::<RevokeFeed, _>(revoked, &[])?;
    leptos_axum::redirect("/settings?feed_off=1#calendar-feed");
    Ok(())
}

/// Borrows owned pairs as `keep_on_error` takes them.
#[cfg(feature = "ssr")]
fn pairs<'a>(kept: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    kept.iter()
        .map(|(key, value)| (*key, value.as_str()))
        .collect()
}

/// Sends the browser back to `back` (a page of this site, else `/visits`) with
/// `done=<what>`, which the page turns into a status line.
#[cfg(feature = "ssr")]
fn go_back(back: &str, what: &str) {
    leptos_axum::redirect(&back_with_done(back, what));
}

/// The address [`go_back`] goes to: the page's own query stays, what an earlier
/// form left in it goes.
#[cfg(any(feature = "ssr", test))]
fn back_with_done(back: &str, what: &str) -> String {
    let form_keys = ["visit", "reason", "feed", "feed_off"];
    crate::forms::back_with_done(back, what, "/visits", &form_keys)
}

#[cfg(test)]
mod tests {
    use super::back_with_done;

    #[test]
    fn going_back_stays_on_the_site_and_drops_what_a_form_left() {
        assert_eq!(
            back_with_done("/visits/7", "approved"),
            "/visits/7?done=approved"
        );
        assert_eq!(
            back_with_done(
                "/visits?visit=3&reason=x&done=declined&__err=e",
                "cancelled"
            ),
            "/visits?done=cancelled"
        );
        assert_eq!(
            back_with_done("/visits/calendar?view=week#x", "approved"),
            "/visits/calendar?view=week&done=approved"
        );
        assert_eq!(
            back_with_done("https://evil.example/", "taken"),
            "/visits?done=taken"
        );
        assert_eq!(
            back_with_done("//evil.example", "taken"),
            "/visits?done=taken"
        );
    }
}
