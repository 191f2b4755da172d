//! The visit calendar and iCalendar feeds against a real database: visits on the
//! right local day in each member's zone, the private feed (tokens made, replaced
//! and revoked; UID, SEQUENCE and STATUS as visits change), a feed read back by
//! an independent parser (Python's `icalendar`), reminders sent once, and notes
//! after a visit. Runs on SQLite, and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)]
#[path = "visits/support.rs"]
mod support;

use iey_domain::AppError;
use iey_domain::mail::Mailer;
use iey_domain::visits::booking::{approve, cancel, request_visit};
use iey_domain::visits::calendar::calendar;
use iey_domain::visits::ical::{Site, feed, new_feed_token, revoke_feed, visit_ics};
use iey_domain::visits::reflections::{reflections, save_reflection};
use iey_domain::visits::reminders::send_due;
use iey_dto::{CalendarMode, OfferForm, VisitStatus};
use support::{Person, asking, at, now, nursery, people, published, refused};

const SITE: Site<'static> = Site {
    url: "https://iey.example",
};

/// An evening hour in Los Angeles: Tuesday 17:00 there is Wednesday 00:00 UTC
/// and Wednesday 10:00 in Sydney.
fn evening_in_los_angeles() -> OfferForm {
    let mut form = nursery();
    form.setting_name = "Sunset Family Hub".to_owned();
    form.setting_type = "family_hub".to_owned();
    form.city = "Los Angeles".to_owned();
    form.country = "US".to_owned();
    form.time_zone = "America/Los_Angeles".to_owned();
    form.weekly[1] = "17:00-18:00".to_owned();
    form
}

const EVENING: &str = "2027-07-07T00:00:00Z";

async fn requested(test_db: &iey_domain::testing::TestDb, host: &Person, visitor: &Person) -> i32 {
    let offer = published(test_db, host, &evening_in_los_angeles()).await;
    request_visit(&test_db.db, &visitor.viewer, offer, &asking(EVENING), now())
        .await
        .unwrap()
}

#[tokio::test]
async fn each_member_finds_a_visit_on_their_own_local_day() {
    let (test_db, [host, visitor]) = people(["America/Los_Angeles", "Australia/Sydney"]).await;
    let db = &test_db.db;
    let visit = requested(&test_db, &host, &visitor).await;
    let anchor = chrono::NaiveDate::from_ymd_opt(2027, 7, 1);

    let theirs = calendar(db, &visitor.viewer, CalendarMode::Month, anchor, now())
        .await
        .unwrap();
    assert_eq!(theirs.title, "July 2027");
    assert_eq!(theirs.time_zone, "Australia/Sydney");
    assert_eq!(theirs.days.len(), 35);
    let day = theirs
        .days
        .iter()
        .find(|day| !day.entries.is_empty())
        .unwrap();
    assert_eq!(
        (day.date.as_str(), day.entries[0].starts.as_str()),
        ("2027-07-07", "10:00")
    );
    assert_eq!(day.entries[0].id, visit);
    assert_eq!(day.entries[0].status, VisitStatus::Requested);
    assert!(!day.entries[0].hosting);

    let mine = calendar(
        db,
        &host.viewer,
        CalendarMode::Week,
        chrono::NaiveDate::from_ymd_opt(2027, 7, 6),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(mine.days.len(), 7);
    let day = mine
        .days
        .iter()
        .find(|day| !day.entries.is_empty())
        .unwrap();
    assert_eq!(
        (day.date.as_str(), day.entries[0].starts.as_str()),
        ("2027-07-06", "17:00")
    );
    assert!(day.entries[0].hosting);

    let agenda = calendar(db, &visitor.viewer, CalendarMode::Agenda, anchor, now())
        .await
        .unwrap();
    assert_eq!(agenda.days.len(), 1, "only days with visits");
    let later = calendar(
        db,
        &visitor.viewer,
        CalendarMode::Month,
        chrono::NaiveDate::from_ymd_opt(2027, 8, 1),
        now(),
    )
    .await
    .unwrap();
    assert!(
        later
            .days
            .iter()
            .all(|day| day.entries.is_empty() || !day.in_period)
    );
    assert_eq!(
        calendar(
            db,
            &iey_domain::Viewer::Visitor,
            CalendarMode::Month,
            anchor,
            now()
        )
        .await
        .err(),
        Some(AppError::Unauthenticated)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn the_feed_follows_each_change_and_its_address_can_be_replaced_or_turned_off() {
    let (test_db, [host, visitor, stranger]) =
        people(["America/Los_Angeles", "Australia/Sydney", "Europe/Paris"]).await;
    let db = &test_db.db;
    let visit = requested(&test_db, &host, &visitor).await;
    let token = new_feed_token(db, &visitor.viewer).await.unwrap();
    let uid = format!("UID:visit-{visit}@iey.example");

    let text = feed(db, &token, &SITE, now()).await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    for line in [
        uid.as_str(),
        "DTSTART:20270707T000000Z",
        "DTEND:20270707T010000Z",
        "STATUS:TENTATIVE",
        "SEQUENCE:0",
    ] {
        assert!(text.contains(line), "{line} not in {text}");
    }
    assert!(text.contains("DTSTAMP:"));

    approve(db, &host.viewer, visit).await.unwrap();
    let text = feed(db, &token, &SITE, now()).await.unwrap();
    assert!(
        text.contains("STATUS:CONFIRMED") && text.contains("SEQUENCE:1"),
        "{text}"
    );
    cancel(db, &host.viewer, visit, "The hub is closed for repairs.")
        .await
        .unwrap();
    let text = feed(db, &token, &SITE, now()).await.unwrap();
    assert!(
        text.contains("STATUS:CANCELLED") && text.contains("SEQUENCE:2"),
        "{text}"
    );
    assert!(
        text.contains(&uid),
        "the same UID, so calendars update the event"
    );

    let single = visit_ics(db, &host.viewer, visit, &SITE).await.unwrap();
    assert!(single.contains(&uid));
    assert_eq!(
        visit_ics(db, &stranger.viewer, visit, &SITE).await.err(),
        Some(AppError::NotFound)
    );

    let replaced = new_feed_token(db, &visitor.viewer).await.unwrap();
    assert_ne!(replaced, token);
    assert_eq!(
        feed(db, &token, &SITE, now()).await.err(),
        Some(AppError::NotFound)
    );
    assert!(feed(db, &replaced, &SITE, now()).await.is_ok());
    revoke_feed(db, &visitor.viewer).await.unwrap();
    assert_eq!(
        feed(db, &replaced, &SITE, now()).await.err(),
        Some(AppError::NotFound)
    );
    assert_eq!(
        feed(db, "", &SITE, now()).await.err(),
        Some(AppError::NotFound)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn an_independent_parser_reads_the_feed_with_the_right_times() {
    let (test_db, [host, visitor]) = people(["Europe/London", "America/New_York"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    // One slot before the clocks go back in London (31 October) and one after.
    let mut ids = Vec::new();
    for start in ["2027-10-26T09:00:00Z", "2027-11-02T10:00:00Z"] {
        ids.push(
            request_visit(db, &visitor.viewer, offer, &asking(start), now())
                .await
                .unwrap(),
        );
    }
    approve(db, &host.viewer, ids[0]).await.unwrap();
    let token = new_feed_token(db, &visitor.viewer).await.unwrap();
    let text = feed(db, &token, &SITE, now()).await.unwrap();
    let file = std::env::temp_dir().join(format!("iey-feed-{}.ics", uuid::Uuid::new_v4()));
    std::fs::write(&file, &text).unwrap();
    let python = std::env::var("IEY_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let script = r#"
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for event in calendar.walk('VEVENT'):
    start = event.decoded('DTSTART')
    print(event['UID'], start.isoformat(), event.decoded('DTEND').isoformat(), event['STATUS'], event['SEQUENCE'])
"#;
    let output = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("run Python (scripts/install-tools.sh installs it with icalendar)");
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = String::from_utf8(output.stdout).unwrap();
    let expected = [
        format!(
            "visit-{}@iey.example 2027-10-26T09:00:00+00:00 2027-10-26T10:00:00+00:00 CONFIRMED 1",
            ids[0]
        ),
        format!(
            "visit-{}@iey.example 2027-11-02T10:00:00+00:00 2027-11-02T11:00:00+00:00 TENTATIVE 0",
            ids[1]
        ),
    ];
    assert_eq!(read.lines().collect::<Vec<_>>(), expected);
    test_db.remove().await;
}

#[tokio::test]
async fn reminders_go_out_once_a_day_and_an_hour_before() {
    let (test_db, [host, visitor]) = people(["Europe/London", "America/New_York"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    let visit = request_visit(
        db,
        &visitor.viewer,
        offer,
        &asking("2027-07-06T09:00:00Z"),
        now(),
    )
    .await
    .unwrap();
    approve(db, &host.viewer, visit).await.unwrap();
    let outbox = std::env::temp_dir().join(format!("iey-outbox-{}", uuid::Uuid::new_v4()));
    let mailer = Mailer::new(
        None,
        outbox.clone(),
        "IEY <hello@iey.example>",
        "https://iey.example",
    )
    .unwrap();

    assert_eq!(
        send_due(db, &mailer, at("2027-07-04T09:00:00Z"))
            .await
            .unwrap(),
        0,
        "too early"
    );
    assert_eq!(
        send_due(db, &mailer, at("2027-07-05T09:30:00Z"))
            .await
            .unwrap(),
        2,
        "visitor and host"
    );
    assert_eq!(
        send_due(db, &mailer, at("2027-07-05T10:00:00Z"))
            .await
            .unwrap(),
        0,
        "once"
    );
    assert_eq!(
        send_due(db, &mailer, at("2027-07-06T08:10:00Z"))
            .await
            .unwrap(),
        2,
        "the hour's"
    );
    assert_eq!(
        send_due(db, &mailer, at("2027-07-06T08:20:00Z"))
            .await
            .unwrap(),
        0,
        "once"
    );
    assert_eq!(
        send_due(db, &mailer, at("2027-07-06T09:30:00Z"))
            .await
            .unwrap(),
        0,
        "started"
    );
    let mails = std::fs::read_dir(&outbox).unwrap().count();
    assert_eq!(mails, 4);
    let _ = std::fs::remove_dir_all(&outbox);
    test_db.remove().await;
}

#[tokio::test]
async fn after_a_visit_each_side_writes_a_note_private_or_shared() {
    let (test_db, [host, visitor, stranger]) =
        people(["Europe/London", "America/New_York", "Europe/Paris"]).await;
    let db = &test_db.db;
    let offer = published(&test_db, &host, &nursery()).await;
    let visit = request_visit(
        db,
        &visitor.viewer,
        offer,
        &asking("2027-07-06T09:00:00Z"),
        now(),
    )
    .await
    .unwrap();
    let before = at("2027-07-06T09:30:00Z");
    let after = at("2027-07-06T10:00:00Z");
    refused(
        save_reflection(db, &visitor.viewer, visit, "Lovely.", true, after).await,
        "body",
        "once the visit",
    );
    approve(db, &host.viewer, visit).await.unwrap();
    refused(
        save_reflection(db, &visitor.viewer, visit, "Lovely.", true, before).await,
        "body",
        "once the visit",
    );
    save_reflection(
        db,
        &visitor.viewer,
        visit,
        "The garden was inspiring.",
        true,
        after,
    )
    .await
    .unwrap();
    save_reflection(
        db,
        &host.viewer,
        visit,
        "Ask about their forest school next time.",
        false,
        after,
    )
    .await
    .unwrap();
    refused(
        save_reflection(db, &host.viewer, visit, &"x".repeat(4001), false, after).await,
        "body",
        "4000",
    );
    assert_eq!(
        save_reflection(db, &stranger.viewer, visit, "Hi", true, after).await,
        Err(AppError::NotFound)
    );
    let hosts = reflections(db, &host.viewer, visit).await.unwrap();
    assert_eq!(hosts.len(), 2, "their own and the visitor's shared note");
    let visitors = reflections(db, &visitor.viewer, visit).await.unwrap();
    assert_eq!(visitors.len(), 1, "the host's private note stays private");
    assert!(visitors[0].mine && visitors[0].shared);
    save_reflection(db, &visitor.viewer, visit, "  ", true, after)
        .await
        .unwrap();
    assert!(
        reflections(db, &visitor.viewer, visit)
            .await
            .unwrap()
            .is_empty(),
        "emptied, removed"
    );
    test_db.remove().await;
}
