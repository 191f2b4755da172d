//! Times as people read them: in the viewer's zone, with the setting's local time
//! beside it when the two read differently.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use iey_dto::ShownTime;

/// `time` for a viewer in `yours`, with the setting's time in `theirs` (named by
/// `place`, e.g. "Leeds") when the wall clocks differ.
pub fn shown_time(time: DateTime<Utc>, yours: Tz, theirs: Tz, place: &str) -> ShownTime {
    let mine = time.with_timezone(&yours);
    let setting = time.with_timezone(&theirs);
    let differs = mine.naive_local() != setting.naive_local();
    ShownTime {
        utc: time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        yours: mine.format("%a %-d %b %Y, %H:%M").to_string(),
        theirs: differs.then(|| {
            let date = if mine.date_naive() == setting.date_naive() {
                String::new()
            } else {
                setting.format(" %a %-d %b").to_string()
            };
            let place = if place.is_empty() {
                "the setting"
            } else {
                place
            };
            format!("{}{date} in {place}", setting.format("%H:%M"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_setting_s_time_is_beside_the_viewer_s_when_it_differs() {
        let time = Utc.with_ymd_and_hms(2027, 7, 6, 9, 0, 0).unwrap();
        let shown = shown_time(time, Tz::America__New_York, Tz::Europe__London, "Leeds");
        assert_eq!(shown.yours, "Tue 6 Jul 2027, 05:00");
        assert_eq!(shown.theirs.as_deref(), Some("10:00 in Leeds"));
        assert_eq!(shown.utc, "2027-07-06T09:00:00Z");
        let same = shown_time(time, Tz::Europe__London, Tz::Europe__London, "Leeds");
        assert_eq!(same.theirs, None);
        let late = Utc.with_ymd_and_hms(2027, 7, 6, 20, 0, 0).unwrap();
        let shown = shown_time(late, Tz::Europe__London, Tz::Australia__Sydney, "Sydney");
        assert_eq!(shown.theirs.as_deref(), Some("06:00 Wed 7 Jul in Sydney"));
    }
}
