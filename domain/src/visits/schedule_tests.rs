//! Slots from windows and exceptions, across daylight-saving changes in Europe,
//! North America and Australia, and in zones half an hour off the hour.

use super::*;

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A schedule in `zone` with one window a week, an hour a visit, no notice and a
/// year's horizon.
fn weekly(zone: Tz, weekday: Weekday, start: NaiveTime, end: NaiveTime) -> Schedule {
    Schedule {
        time_zone: zone,
        duration_minutes: 60,
        windows: vec![WeeklyWindow {
            weekday,
            start,
            end,
        }],
        exceptions: Vec::new(),
        min_notice_hours: 0,
        horizon_days: 366,
    }
}

/// The UTC starts of the slots on local `on`, as RFC 3339 text.
fn starts(schedule: &Schedule, on: NaiveDate) -> Vec<String> {
    schedule
        .slots_on(on)
        .iter()
        .map(|slot| {
            slot.starts_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
        .collect()
}

#[test]
fn london_keeps_its_wall_clock_when_summer_time_starts_and_ends() {
    let london = weekly(Tz::Europe__London, Weekday::Sun, time(10, 0), time(12, 0));
    assert_eq!(
        starts(&london, date(2027, 3, 21)),
        ["2027-03-21T10:00:00Z", "2027-03-21T11:00:00Z"]
    );
    assert_eq!(
        starts(&london, date(2027, 3, 28)),
        ["2027-03-28T09:00:00Z", "2027-03-28T10:00:00Z"]
    );
    assert_eq!(
        starts(&london, date(2027, 10, 31)),
        ["2027-10-31T10:00:00Z", "2027-10-31T11:00:00Z"]
    );
    assert_eq!(
        starts(&london, date(2027, 10, 24)),
        ["2027-10-24T09:00:00Z", "2027-10-24T10:00:00Z"]
    );
}

#[test]
fn a_start_the_clocks_skip_is_left_out_and_one_they_repeat_is_the_first() {
    // 01:00 GMT on 28 March 2027 becomes 02:00 BST: 01:30 never happens.
    let spring = weekly(Tz::Europe__London, Weekday::Sun, time(0, 30), time(3, 30));
    assert_eq!(
        starts(&spring, date(2027, 3, 28)),
        ["2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z"],
        "00:30 GMT, then 02:30 BST; 01:30 does not exist"
    );
    let crossing = spring.slots_on(date(2027, 3, 28))[0];
    assert_eq!(
        crossing.ends_at - crossing.starts_at,
        Duration::minutes(60),
        "a real hour long"
    );
    assert_eq!(
        crossing
            .ends_at
            .with_timezone(&Tz::Europe__London)
            .format("%H:%M")
            .to_string(),
        "02:30",
        "the slot that crosses the change ends at 02:30 by the new clock"
    );
    // 02:00 BST on 31 October 2027 goes back to 01:00 GMT: 01:30 happens twice.
    let autumn = weekly(Tz::Europe__London, Weekday::Sun, time(0, 30), time(2, 30));
    assert_eq!(
        starts(&autumn, date(2027, 10, 31)),
        ["2027-10-30T23:30:00Z", "2027-10-31T00:30:00Z"]
    );
}

#[test]
fn new_york_sydney_kolkata_and_adelaide_each_follow_their_own_rules() {
    // New York moves to daylight time on 14 March 2027.
    let new_york = weekly(Tz::America__New_York, Weekday::Tue, time(9, 0), time(10, 0));
    assert_eq!(
        starts(&new_york, date(2027, 3, 9)),
        ["2027-03-09T14:00:00Z"]
    );
    assert_eq!(
        starts(&new_york, date(2027, 3, 16)),
        ["2027-03-16T13:00:00Z"]
    );
    // Sydney leaves daylight time on 4 April 2027 (+11 to +10).
    let sydney = weekly(
        Tz::Australia__Sydney,
        Weekday::Wed,
        time(10, 0),
        time(11, 0),
    );
    assert_eq!(starts(&sydney, date(2027, 3, 31)), ["2027-03-30T23:00:00Z"]);
    assert_eq!(starts(&sydney, date(2027, 4, 7)), ["2027-04-07T00:00:00Z"]);
    // Kolkata is half an hour off the hour all year.
    let kolkata = weekly(Tz::Asia__Kolkata, Weekday::Mon, time(10, 0), time(11, 0));
    assert_eq!(
        starts(&kolkata, date(2027, 3, 29)),
        ["2027-03-29T04:30:00Z"]
    );
    // Adelaide is half an hour off and changes too (+10:30 to +9:30).
    let adelaide = weekly(
        Tz::Australia__Adelaide,
        Weekday::Wed,
        time(10, 0),
        time(11, 0),
    );
    assert_eq!(
        starts(&adelaide, date(2027, 3, 31)),
        ["2027-03-30T23:30:00Z"]
    );
    assert_eq!(
        starts(&adelaide, date(2027, 4, 7)),
        ["2027-04-07T00:30:00Z"]
    );
    // Kathmandu is a quarter of an hour off.
    let kathmandu = weekly(Tz::Asia__Kathmandu, Weekday::Mon, time(10, 0), time(11, 0));
    assert_eq!(
        starts(&kathmandu, date(2027, 3, 29)),
        ["2027-03-29T04:15:00Z"]
    );
}

#[test]
fn a_slot_listing_across_the_change_has_no_gap_or_double() {
    let mut london = weekly(Tz::Europe__London, Weekday::Sun, time(10, 0), time(11, 0));
    london.windows.push(WeeklyWindow {
        weekday: Weekday::Sat,
        start: time(10, 0),
        end: time(11, 0),
    });
    let now = utc("2027-03-20T00:00:00Z");
    let slots = london.slots(now, now, utc("2027-04-01T00:00:00Z"));
    let shown: Vec<String> = slots
        .iter()
        .map(|slot| {
            slot.starts_at
                .with_timezone(&Tz::Europe__London)
                .format("%a %d %H:%M")
                .to_string()
        })
        .collect();
    assert_eq!(
        shown,
        [
            "Sat 20 10:00",
            "Sun 21 10:00",
            "Sat 27 10:00",
            "Sun 28 10:00"
        ]
    );
}

#[test]
fn closed_days_closed_hours_and_extra_times_change_one_date_only() {
    let mut schedule = weekly(Tz::UTC, Weekday::Tue, time(9, 0), time(13, 0));
    schedule.exceptions = vec![
        Exception::ClosedDay {
            date: date(2027, 7, 6),
        },
        Exception::ClosedPart {
            date: date(2027, 7, 13),
            start: time(10, 0),
            end: time(11, 30),
        },
        Exception::Extra {
            date: date(2027, 7, 14),
            start: time(14, 0),
            end: time(16, 0),
        },
        // An extra time overlapping the window adds only what is new.
        Exception::Extra {
            date: date(2027, 7, 20),
            start: time(12, 0),
            end: time(14, 0),
        },
    ];
    assert!(starts(&schedule, date(2027, 7, 6)).is_empty());
    assert_eq!(
        starts(&schedule, date(2027, 7, 13)),
        ["2027-07-13T09:00:00Z", "2027-07-13T11:30:00Z"],
        "09:00–10:00, then 11:30–12:30 (12:30–13:00 is too short)"
    );
    assert_eq!(
        starts(&schedule, date(2027, 7, 14)),
        ["2027-07-14T14:00:00Z", "2027-07-14T15:00:00Z"]
    );
    assert_eq!(
        starts(&schedule, date(2027, 7, 20)).len(),
        5,
        "09:00 to 14:00"
    );
    assert_eq!(
        starts(&schedule, date(2027, 7, 27)).len(),
        4,
        "the usual Tuesday"
    );
}

#[test]
fn notice_and_horizon_bound_what_can_be_requested() {
    let mut daily = weekly(Tz::UTC, Weekday::Mon, time(10, 0), time(11, 0));
    for weekday in [Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri] {
        daily.windows.push(WeeklyWindow {
            weekday,
            start: time(10, 0),
            end: time(11, 0),
        });
    }
    daily.min_notice_hours = 24;
    daily.horizon_days = 3;
    let now = utc("2027-03-01T09:00:00Z");
    let slots = daily.slots(now, now, now + Duration::days(30));
    let days: Vec<u32> = slots
        .iter()
        .map(|slot| chrono::Datelike::day(&slot.starts_at))
        .collect();
    assert_eq!(
        days,
        [2, 3],
        "Monday's is too soon; Thursday's is past the horizon"
    );

    assert!(daily.slot_at(now, utc("2027-03-02T10:00:00Z")).is_some());
    assert!(
        daily.slot_at(now, utc("2027-03-02T10:30:00Z")).is_none(),
        "not a slot's start"
    );
    assert!(
        daily.slot_at(now, utc("2027-03-01T10:00:00Z")).is_none(),
        "too little notice"
    );
    assert!(
        daily.slot_at(now, utc("2027-03-04T10:00:00Z")).is_none(),
        "past the horizon"
    );
}

#[test]
fn problems_name_the_field_to_fix() {
    let mut schedule = weekly(Tz::UTC, Weekday::Wed, time(10, 0), time(10, 30));
    let fields: Vec<&str> = schedule
        .problems()
        .iter()
        .map(|problem| problem.field)
        .collect();
    assert_eq!(fields, ["wednesday"], "a window shorter than a visit");
    schedule.duration_minutes = 5;
    schedule.horizon_days = 0;
    schedule.min_notice_hours = 10_000;
    let fields: Vec<&str> = schedule
        .problems()
        .iter()
        .map(|problem| problem.field)
        .collect();
    assert_eq!(
        fields,
        ["duration_minutes", "min_notice_hours", "horizon_days"]
    );
    assert!(
        schedule
            .slots(
                utc("2027-01-01T00:00:00Z"),
                utc("2027-01-01T00:00:00Z"),
                utc("2027-02-01T00:00:00Z")
            )
            .is_empty()
    );
}
