//! Finding a time for a group across time zones: working hours declared (or the
//! weekday default) on each person's own clock, slots ranked by how many they
//! suit, only slots with room for all, friends only. Runs on SQLite, and on
//! PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)]
#[path = "visits/support.rs"]
mod support;

use iey_domain::visits::find_time::{find_times, save_working_hours, working_hours};
use iey_dto::WorkingHoursForm;
use support::{now, nursery, people, published, refused};

#[tokio::test]
async fn slots_are_ranked_by_how_many_of_the_group_they_suit() {
    let (test_db, [host, me, in_new_york, in_kolkata, stranger]) = people([
        "Europe/London",
        "Europe/London",
        "America/New_York",
        "Asia/Kolkata",
        "Europe/Paris",
    ])
    .await;
    let db = &test_db.db;
    test_db.befriend(me.id, in_new_york.id).await;
    test_db.befriend(me.id, in_kolkata.id).await;
    let mut form = nursery();
    form.capacity = "3".to_owned();
    let offer = published(&test_db, &host, &form).await;
    // New York starts at 05:30: the 10:00 London slot (05:00 there) is too early,
    // the 11:00 one (06:00) is fine. Kolkata keeps the default 09:00-17:00.
    let early = WorkingHoursForm {
        days: vec!["monday".into(), "tuesday".into(), "wednesday".into()],
        start: "05:30".into(),
        end: "17:00".into(),
    };
    save_working_hours(db, &in_new_york.viewer, &early)
        .await
        .unwrap();
    assert_eq!(working_hours(db, &in_new_york.viewer).await.unwrap(), early);
    assert_eq!(
        working_hours(db, &me.viewer).await.unwrap().start,
        "09:00",
        "the default"
    );

    let group = format!("{}, {}", in_new_york.handle, in_kolkata.handle);
    let times = find_times(db, &me.viewer, offer, &group, now())
        .await
        .unwrap();
    assert_eq!(times.people.len(), 3);
    assert!(times.people[1].contains("America/New_York"));
    let best = &times.slots[0];
    assert_eq!(
        (best.slot.starts.utc.as_str(), best.suits, best.of),
        ("2027-07-06T10:00:00Z", 3, 3)
    );
    let worse = times.slots.iter().find(|slot| slot.suits == 2).unwrap();
    assert_eq!(worse.slot.starts.utc, "2027-07-06T09:00:00Z");
    assert_eq!(worse.outside.len(), 1);
    assert!(
        worse.outside[0].contains("05:00 America/New_York"),
        "{:?}",
        worse.outside
    );

    // Too many for the slot, or a stranger: nothing to offer / a clear refusal.
    form.capacity = "2".to_owned();
    let small = published(&test_db, &host, &form).await;
    assert!(
        find_times(db, &me.viewer, small, &group, now())
            .await
            .unwrap()
            .slots
            .is_empty()
    );
    refused(
        find_times(db, &me.viewer, offer, &stranger.handle, now()).await,
        "companions",
        "not one of your friends",
    );
    test_db.remove().await;
}

#[tokio::test]
async fn working_hours_need_a_day_and_a_day_that_ends_after_it_starts() {
    let (test_db, [me]) = people(["Europe/London"]).await;
    let bad = WorkingHoursForm {
        days: vec!["someday".into()],
        start: "nine".into(),
        end: "08:00".into(),
    };
    let error = save_working_hours(&test_db.db, &me.viewer, &bad)
        .await
        .unwrap_err();
    assert!(error.field_message("days").is_some() && error.field_message("start").is_some());
    let backwards = WorkingHoursForm {
        days: vec!["friday".into()],
        start: "17:00".into(),
        end: "09:00".into(),
    };
    refused(
        save_working_hours(&test_db.db, &me.viewer, &backwards).await,
        "end",
        "after it starts",
    );
    test_db.remove().await;
}
