//! The host's offer form: every field checked at once, each problem on its field,
//! and the weekly times and dated exceptions read from the few words a host types
//! ("10:00-12:00, 14:00-15:30"; "2027-12-24 closed").

use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use iey_dto::{FieldError, OfferForm, SETTING_TYPES, WEEKDAYS};

use super::schedule::{Exception, Schedule, WeeklyWindow};
use crate::members::Problems;

/// The longest setting name.
const NAME_LIMIT: usize = 120;
/// The longest description, what-you-see and notes.
const NOTES_LIMIT: usize = 4000;
/// The most visitors one slot can take.
const CAPACITY_LIMIT: u32 = 200;

/// An offer form that passed every check.
#[derive(Debug, Clone)]
pub(crate) struct CleanOffer {
    pub setting_name: String,
    pub setting_type: String,
    pub address: String,
    pub city: String,
    pub country_code: String,
    pub online: bool,
    pub meeting_link: Option<String>,
    pub description: String,
    pub what_you_see: String,
    pub capacity: u32,
    pub requires_photo_id: bool,
    pub requires_background_check: bool,
    pub languages: Vec<String>,
    pub accessibility_notes: String,
    pub practical_notes: String,
    pub visibility: String,
    pub schedule: Schedule,
}

/// Checks every field of `form`; the clean offer, or every problem found.
pub(crate) fn validate(form: &OfferForm) -> Result<CleanOffer, Vec<FieldError>> {
    let mut problems = Problems::default();
    let setting_name = text(
        &mut problems,
        "setting_name",
        &form.setting_name,
        NAME_LIMIT,
    );
    if setting_name.is_empty() {
        problems.add("setting_name", "Please enter the setting's name.");
    }
    let setting_type = form.setting_type.trim().to_owned();
    if !SETTING_TYPES.iter().any(|(code, _)| *code == setting_type) {
        problems.add("setting_type", "Please choose the kind of setting.");
    }
    let address = text(&mut problems, "address", &form.address, 300);
    let city = text(&mut problems, "city", &form.city, NAME_LIMIT);
    let country_code = form.country.trim().to_uppercase();
    if isocountry::CountryCode::for_alpha2(&country_code).is_err() {
        problems.add(
            "country",
            "Please choose the setting's country from the list.",
        );
    }
    let time_zone = match form.time_zone.trim().parse::<Tz>() {
        Ok(zone) => zone,
        Err(_) => {
            problems.add(
                "time_zone",
                "Please choose the setting's time zone from the list.",
            );
            Tz::UTC
        }
    };
    let meeting_link = form.meeting_link.trim();
    let meeting_link = if form.online {
        if !(meeting_link.starts_with("https://") || meeting_link.starts_with("http://"))
            || url_problem(meeting_link)
        {
            problems.add(
                "meeting_link",
                "Please give the meeting's address, starting with https://.",
            );
        }
        Some(meeting_link.to_owned())
    } else {
        if address.is_empty() {
            problems.add(
                "address",
                "Please give the address, or mark the visit as online.",
            );
        }
        None
    };
    let description = text(&mut problems, "description", &form.description, NOTES_LIMIT);
    let what_you_see = text(
        &mut problems,
        "what_you_see",
        &form.what_you_see,
        NOTES_LIMIT,
    );
    let accessibility_notes = text(
        &mut problems,
        "accessibility_notes",
        &form.accessibility_notes,
        NOTES_LIMIT,
    );
    let practical_notes = text(
        &mut problems,
        "practical_notes",
        &form.practical_notes,
        NOTES_LIMIT,
    );
    let duration = number(
        &mut problems,
        "duration_minutes",
        &form.duration_minutes,
        "minutes",
    );
    let capacity = number(&mut problems, "capacity", &form.capacity, "visitors");
    if capacity.is_some_and(|capacity| !(1..=CAPACITY_LIMIT).contains(&capacity)) {
        problems.add(
            "capacity",
            format!("Please allow between 1 and {CAPACITY_LIMIT} visitors at a time."),
        );
    }
    let min_notice = number(
        &mut problems,
        "min_notice_hours",
        &form.min_notice_hours,
        "hours",
    );
    let horizon = number(&mut problems, "horizon_days", &form.horizon_days, "days");
    let languages = languages(&mut problems, &form.languages);
    let visibility = form.visibility.trim().to_owned();
    if !matches!(visibility.as_str(), "public" | "members" | "friends") {
        problems.add("visibility", "Please choose who may see the offer.");
    }

    let mut windows = Vec::new();
    for ((field, label), (typed, weekday)) in
        WEEKDAYS.iter().zip(form.weekly.iter().zip(WEEKDAY_ORDER))
    {
        match weekly_windows(typed, weekday) {
            Ok(found) => windows.extend(found),
            Err(problem) => problems.add(field, format!("{label}: {problem}")),
        }
    }
    let exceptions = match exceptions(&form.exceptions) {
        Ok(exceptions) => exceptions,
        Err(problem) => {
            problems.add("exceptions", problem);
            Vec::new()
        }
    };
    let schedule = Schedule {
        time_zone,
        duration_minutes: duration.unwrap_or(60),
        windows,
        exceptions,
        min_notice_hours: min_notice.unwrap_or(24),
        horizon_days: horizon.unwrap_or(90),
    };
    for problem in schedule.problems() {
        // Per-day messages already name the day; the schedule's own problems go on
        // the field they concern (weekly problems on Monday's, the first).
        let field = match problem.field {
            "windows" => "monday",
            other => other,
        };
        if !problems.0.iter().any(|known| known.field == field) {
            problems.add(field, problem.message);
        }
    }
    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    Ok(CleanOffer {
        setting_name,
        setting_type,
        address,
        city,
        country_code,
        online: form.online,
        meeting_link,
        description,
        what_you_see,
        capacity: capacity.unwrap_or(1),
        requires_photo_id: form.requires_photo_id,
        requires_background_check: form.requires_background_check,
        languages,
        accessibility_notes,
        practical_notes,
        visibility,
        schedule,
    })
}

/// Monday first, as [`WEEKDAYS`].
const WEEKDAY_ORDER: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// `typed` trimmed, with a message when too long or holding control characters
/// (line breaks are fine).
fn text(problems: &mut Problems, field: &str, typed: &str, max: usize) -> String {
    let typed = typed.trim();
    let length = typed.chars().count();
    if length > max {
        problems.add(
            field,
            format!("Please keep this to {max} characters (it has {length})."),
        );
    } else if typed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        problems.add(field, "This cannot contain control characters.");
    }
    typed.replace("\r\n", "\n")
}

/// A whole number of `unit`, or a message.
fn number(problems: &mut Problems, field: &str, typed: &str, unit: &str) -> Option<u32> {
    match typed.trim().parse::<u32>() {
        Ok(value) => Some(value),
        Err(_) => {
            problems.add(field, format!("Please enter a whole number of {unit}."));
            None
        }
    }
}

/// Whether a meeting link has characters no address has.
fn url_problem(link: &str) -> bool {
    link.len() > 500
        || link
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"')
}

/// ISO 639-1 codes separated by commas or spaces.
fn languages(problems: &mut Problems, typed: &str) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in typed
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|code| !code.is_empty())
    {
        let code = code.to_lowercase();
        if isolang::Language::from_639_1(&code).is_none() {
            problems.add(
                "languages",
                format!("“{code}” is not a two-letter language code, such as en or fr."),
            );
            return Vec::new();
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The windows typed for one weekday: "10:00-12:00, 14:00-15:30" (also with
/// en dashes or "to"); empty when nothing was typed.
pub(crate) fn weekly_windows(typed: &str, weekday: Weekday) -> Result<Vec<WeeklyWindow>, String> {
    typed
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (start, end) = time_range(part)?;
            Ok(WeeklyWindow {
                weekday,
                start,
                end,
            })
        })
        .collect()
}

/// "10:00-12:00" as two times.
fn time_range(typed: &str) -> Result<(NaiveTime, NaiveTime), String> {
    let normal = typed.replace(['–', '—'], "-").replace(" to ", "-");
    let (start, end) = normal
        .split_once('-')
        .ok_or_else(|| format!("“{typed}” is not a time range such as 10:00-12:00."))?;
    let time = |text: &str| {
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| format!("“{}” is not a time such as 09:30.", text.trim()))
    };
    let (start, end) = (time(start)?, time(end)?);
    if end <= start {
        return Err(format!("{typed} ends before it starts."));
    }
    Ok((start, end))
}

/// The dated exceptions, one a line: "2027-12-24 closed", "2027-12-23
/// 13:00-15:00 closed", "2028-01-05 10:00-12:00 extra".
pub(crate) fn exceptions(typed: &str) -> Result<Vec<Exception>, String> {
    let mut found = Vec::new();
    for (number, line) in typed.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let problem = |what: &str| format!("Line {}: {what}", number + 1);
        let mut words = line.split_whitespace();
        let date = words
            .next()
            .and_then(|word| NaiveDate::parse_from_str(word, "%Y-%m-%d").ok())
            .ok_or_else(|| problem("start with a date such as 2027-12-24."))?;
        let rest: Vec<&str> = words.collect();
        let exception = match rest.as_slice() {
            ["closed"] => Exception::ClosedDay { date },
            [range, kind @ ("closed" | "extra")] => {
                let (start, end) = time_range(range).map_err(|message| problem(&message))?;
                if *kind == "closed" {
                    Exception::ClosedPart { date, start, end }
                } else {
                    Exception::Extra { date, start, end }
                }
            }
            _ => {
                return Err(problem(
                    "after the date write “closed”, or a time range and “closed” or “extra”.",
                ));
            }
        };
        found.push(exception);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_times_read_as_typed() {
        let windows = weekly_windows("10:00-12:00, 14:00 – 15:30", Weekday::Tue).unwrap();
        assert_eq!(windows.len(), 2);
        assert_eq!(windows[1].start, NaiveTime::from_hms_opt(14, 0, 0).unwrap());
        assert!(weekly_windows("", Weekday::Mon).unwrap().is_empty());
        assert!(weekly_windows("12:00-10:00", Weekday::Mon).is_err());
        assert!(weekly_windows("noon", Weekday::Mon).is_err());
    }

    #[test]
    fn exceptions_read_line_by_line() {
        let typed =
            "2027-12-24 closed\n\n2027-12-23 13:00-15:00 closed\n2028-01-05 10:00-12:00 extra";
        assert_eq!(exceptions(typed).unwrap().len(), 3);
        let problem = exceptions("2027-12-24 closed\nsoon").unwrap_err();
        assert!(problem.starts_with("Line 2:"), "{problem}");
        assert!(exceptions("2027-12-24 open").is_err());
    }
}
