//! Visit offers against a real database: the host's form checked field by field,
//! drafts and publishing, who sees which offer (public, members, friends, blocks),
//! and free slots shown in the viewer's zone beside the setting's. Runs on SQLite,
//! and on PostgreSQL with `IEY_TEST_DB=postgres`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on the unexpected

#[allow(dead_code)]
#[path = "visits/support.rs"]
mod support;

use iey_domain::blocks::block;
use iey_domain::visits::offers::{
    OfferQuery, browse_offers, create_offer, offer, offer_form, set_offer_status, update_offer,
};
use iey_domain::{AppError, Viewer};
use iey_dto::OfferStatus;
use support::{now, nursery, people, published, refused};

#[tokio::test]
async fn every_mistake_in_an_offer_form_is_on_its_own_field() {
    let (test_db, [host]) = people(["Europe/London"]).await;
    let mut form = nursery();
    form.setting_name = String::new();
    form.setting_type = "castle".to_owned();
    form.time_zone = "Europe/Atlantis".to_owned();
    form.capacity = "lots".to_owned();
    form.duration_minutes = "90".to_owned();
    form.weekly[1] = "10:00-11:00".to_owned();
    form.weekly[3] = "9-noon".to_owned();
    form.exceptions = "2027-12-24 closed\nChristmas".to_owned();
    form.online = true;
    form.meeting_link = "zoom".to_owned();
    form.languages = "english".to_owned();
    let error = create_offer(&test_db.db, &host.viewer, &form)
        .await
        .unwrap_err();
    for field in [
        "setting_name",
        "setting_type",
        "time_zone",
        "capacity",
        "tuesday",
        "thursday",
        "exceptions",
        "meeting_link",
        "languages",
    ] {
        assert!(error.field_message(field).is_some(), "{field}: {error:?}");
    }
    assert!(
        error
            .field_message("exceptions")
            .unwrap()
            .starts_with("Line 2")
    );
    assert!(
        error
            .field_message("tuesday")
            .unwrap()
            .contains("shorter than one visit")
    );
    test_db.remove().await;
}

#[tokio::test]
async fn a_draft_is_its_hosts_alone_and_publishing_needs_weekly_times() {
    let (test_db, [host, member]) = people(["Europe/London", "Europe/Paris"]).await;
    let db = &test_db.db;
    let mut form = nursery();
    form.weekly = Default::default();
    let id = create_offer(db, &host.viewer, &form).await.unwrap();
    assert_eq!(
        offer(db, &member.viewer, id, now()).await.err(),
        Some(AppError::NotFound)
    );
    assert_eq!(
        offer(db, &host.viewer, id, now())
            .await
            .unwrap()
            .card
            .status,
        OfferStatus::Draft
    );
    refused(
        set_offer_status(db, &host.viewer, id, OfferStatus::Published).await,
        "status",
        "weekly time",
    );
    assert_eq!(
        set_offer_status(db, &member.viewer, id, OfferStatus::Published).await,
        Err(AppError::NotFound),
        "only the host"
    );
    update_offer(db, &host.viewer, id, &nursery())
        .await
        .unwrap();
    set_offer_status(db, &host.viewer, id, OfferStatus::Published)
        .await
        .unwrap();
    let seen = offer(db, &member.viewer, id, now()).await.unwrap();
    assert_eq!(seen.weekly, ["Tuesday 10:00–12:00"]);
    assert!(!seen.slots.is_empty());
    assert_eq!(
        offer_form(db, &host.viewer, id).await.unwrap().weekly[1],
        "10:00-12:00"
    );
    assert_eq!(
        offer_form(db, &member.viewer, id).await.err(),
        Some(AppError::NotFound)
    );

    set_offer_status(db, &host.viewer, id, OfferStatus::Paused)
        .await
        .unwrap();
    let paused = offer(db, &member.viewer, id, now()).await.unwrap();
    assert!(paused.slots.is_empty(), "a paused offer takes no requests");
    set_offer_status(db, &host.viewer, id, OfferStatus::Closed)
        .await
        .unwrap();
    assert_eq!(
        offer(db, &member.viewer, id, now()).await.err(),
        Some(AppError::NotFound)
    );
    test_db.remove().await;
}

#[tokio::test]
async fn visibility_and_blocks_decide_who_sees_an_offer() {
    let (test_db, [host, friend, member, blocked]) = people([
        "Europe/London",
        "Europe/Paris",
        "Europe/Paris",
        "Europe/Paris",
    ])
    .await;
    let db = &test_db.db;
    test_db.befriend(host.id, friend.id).await;
    let mut ids = Vec::new();
    for visibility in ["public", "members", "friends"] {
        let mut form = nursery();
        form.visibility = visibility.to_owned();
        form.setting_name = format!("A {visibility} nursery");
        ids.push(published(&test_db, &host, &form).await);
    }
    block(db, &host.viewer, &blocked.handle).await.unwrap();
    let seen = |viewer: Viewer| async move {
        let mut names: Vec<String> = browse_offers(db, &viewer, &OfferQuery::default(), now())
            .await
            .unwrap()
            .into_iter()
            .map(|card| card.setting_name)
            .collect();
        names.sort();
        names
    };
    assert_eq!(seen(Viewer::Visitor).await, ["A public nursery"]);
    assert_eq!(
        seen(member.viewer).await,
        ["A members nursery", "A public nursery"]
    );
    assert_eq!(
        seen(friend.viewer).await,
        ["A friends nursery", "A members nursery", "A public nursery"]
    );
    assert!(
        seen(blocked.viewer).await.is_empty(),
        "a blocked member sees none"
    );
    for id in &ids {
        assert_eq!(
            offer(db, &blocked.viewer, *id, now()).await.err(),
            Some(AppError::NotFound)
        );
    }
    assert_eq!(
        offer(db, &member.viewer, ids[2], now()).await.err(),
        Some(AppError::NotFound)
    );
    // The street address is the host's to see; approved visitors get it on their visit.
    let public = ids[0];
    for viewer in [Viewer::Visitor, member.viewer, friend.viewer] {
        let view = offer(db, &viewer, public, now()).await.unwrap();
        assert_eq!(view.address, None, "{viewer:?} sees no street address");
    }
    let own = offer(db, &host.viewer, public, now()).await.unwrap();
    assert_eq!(own.address.as_deref(), Some(nursery().address.as_str()));
    assert!(!nursery().address.is_empty());
    let filtered = browse_offers(
        db,
        &member.viewer,
        &OfferQuery {
            country: "FR".to_owned(),
            ..OfferQuery::default()
        },
        now(),
    )
    .await
    .unwrap();
    assert!(filtered.is_empty(), "filters narrow the list");
    // Only offers with a free slot on the days asked for (the viewer's dates).
    let day = |d| chrono::NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
    let on = |days| OfferQuery {
        days: Some(days),
        ..OfferQuery::default()
    };
    let tuesday = browse_offers(db, &member.viewer, &on((day(6), day(6))), now())
        .await
        .unwrap();
    assert_eq!(tuesday.len(), 2);
    assert!(
        tuesday
            .iter()
            .all(|card| card.next_slots[0].starts.utc.starts_with("2027-07-06"))
    );
    let wednesday = browse_offers(db, &member.viewer, &on((day(7), day(7))), now())
        .await
        .unwrap();
    assert!(wednesday.is_empty(), "nothing on Wednesdays");
    // The host's sector.
    sea_orm::EntityTrait::insert(iey_entity::member_tag::ActiveModel {
        member_id: sea_orm::ActiveValue::Set(host.id),
        kind: sea_orm::ActiveValue::Set("sector".to_owned()),
        value: sea_orm::ActiveValue::Set("police".to_owned()),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::columns([
            iey_entity::member_tag::Column::MemberId,
            iey_entity::member_tag::Column::Kind,
            iey_entity::member_tag::Column::Value,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .unwrap();
    let sector = |code: &str| OfferQuery {
        sector: code.to_owned(),
        ..OfferQuery::default()
    };
    assert_eq!(
        browse_offers(db, &member.viewer, &sector("police"), now())
            .await
            .unwrap()
            .len(),
        2
    );
    test_db.remove().await;
}

#[tokio::test]
async fn free_slots_read_in_the_viewers_zone_with_the_settings_time_beside() {
    let (test_db, [host, in_new_york, in_sydney]) =
        people(["Europe/London", "America/New_York", "Australia/Sydney"]).await;
    let db = &test_db.db;
    let id = published(&test_db, &host, &nursery()).await;
    let new_york = offer(db, &in_new_york.viewer, id, now()).await.unwrap();
    assert_eq!(new_york.slots[0].starts.yours, "Tue 6 Jul 2027, 05:00");
    assert_eq!(
        new_york.slots[0].starts.theirs.as_deref(),
        Some("10:00 in Leeds")
    );
    assert_eq!(new_york.slots[0].places_left, 2);
    let sydney = offer(db, &in_sydney.viewer, id, now()).await.unwrap();
    assert_eq!(sydney.slots[0].starts.yours, "Tue 6 Jul 2027, 19:00");
    let own = offer(db, &host.viewer, id, now()).await.unwrap();
    assert_eq!(
        own.slots[0].starts.theirs, None,
        "the host reads the setting's own clock"
    );
    assert!(own.yours);
    test_db.remove().await;
}
