//! `/visits/calendar?view=month|week|agenda&date=YYYY-MM-DD`: the member's visits
//! laid out by the server on their own clock. Unknown views and dates fall back
//! to this month; the links keep the view, so it works the same without
//! JavaScript and after client-side navigation.

use iey_dto::{AppError, CalendarDay, CalendarEntry, CalendarMode, CalendarView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::components::{LogInFirst, VisitStatusTag};
use super::server::get_calendar;
use crate::components::ErrorNotice;

/// The calendar page.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let calendar = Resource::new(
        move || {
            query.with(|query| {
                (
                    query.get("view").unwrap_or_default(),
                    query.get("date").unwrap_or_default(),
                )
            })
        },
        |(view, date)| get_calendar(view, date),
    );
    view! {
        <Title text="Calendar" />
        <header class="page-header">
            <h1>"Your visit calendar"</h1>
            <p class="page-header__lead"><a href="/visits">"Back to your visits"</a></p>
        </header>
        <Transition fallback=|| view! { <p class="muted">"Loading your calendar…"</p> }>
            {move || Suspend::new(async move {
                match calendar.await {
                    Ok(calendar) => view! { <Calendar calendar /> }.into_any(),
                    Err(AppError::Unauthenticated) => view! {
                        <LogInFirst next="/visits/calendar".to_owned() what="to see your calendar." />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The address of the calendar in `mode` around `date`.
fn calendar_href(mode: CalendarMode, date: &str) -> String {
    format!("/visits/calendar?view={}&date={date}", mode.code())
}

/// The header, the switcher and the days in the chosen layout.
#[component]
fn Calendar(calendar: CalendarView) -> impl IntoView {
    let CalendarView {
        mode,
        title,
        time_zone,
        anchor,
        previous,
        next,
        today,
        days,
    } = calendar;
    let period = match mode {
        CalendarMode::Month => "month",
        CalendarMode::Week => "week",
        CalendarMode::Agenda => "weeks",
    };
    view! {
        <section class="calendar stack" aria-labelledby="calendar-title">
            <div class="calendar__header">
                <div>
                    <h2 id="calendar-title">{title.clone()}</h2>
                    <p class="muted">{format!("Times in {time_zone}")}</p>
                </div>
                <nav class="cluster" aria-label="Calendar period">
                    <A href=calendar_href(mode, &previous) attr:class="btn btn--small btn--secondary">
                        {format!("Previous {period}")}
                    </A>
                    <A href=calendar_href(mode, &today) attr:class="btn btn--small btn--secondary">"Today"</A>
                    <A href=calendar_href(mode, &next) attr:class="btn btn--small btn--secondary">
                        {format!("Next {period}")}
                    </A>
                </nav>
                <nav aria-label="Calendar view">
                    <ul class="calendar__modes">
                        {CalendarMode::ALL
                            .into_iter()
                            .map(|each| {
                                let current = (each == mode).then_some("page");
                                view! {
                                    <li>
                                        <a
                                            href=calendar_href(each, &anchor)
                                            class="calendar__mode"
                                            aria-current=current
                                        >
                                            {each.label()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
            {match mode {
                CalendarMode::Month => view! { <Month title days /> }.into_any(),
                CalendarMode::Week => view! { <DayList days empty="" /> }.into_any(),
                CalendarMode::Agenda => {
                    view! { <DayList days empty="Nothing in these weeks." /> }.into_any()
                }
            }}
        </section>
    }
}

/// A month as a table of weeks, Monday first.
#[component]
fn Month(title: String, days: Vec<CalendarDay>) -> impl IntoView {
    let weeks: Vec<Vec<CalendarDay>> = days.chunks(7).map(<[CalendarDay]>::to_vec).collect();
    let names = [
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Fri", "Friday"),
        ("Sat", "Saturday"),
        ("Sun", "Sunday"),
    ];
    let region = format!("{title}, month view");
    view! {
        // Scrolls sideways on a narrow phone rather than squeezing the days.
        <div class="calendar__scroll" tabindex="0" role="region" aria-label=region>
            <table class="calendar-month">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        {names
                            .into_iter()
                            .map(|(short, long)| view! {
                                <th scope="col"><abbr title=long>{short}</abbr></th>
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {weeks
                        .into_iter()
                        .map(|week| view! {
                            <tr>{week.into_iter().map(|day| view! { <MonthDay day /> }).collect_view()}</tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One day of the month table.
#[component]
fn MonthDay(day: CalendarDay) -> impl IntoView {
    let CalendarDay {
        date,
        label,
        number,
        in_period,
        today,
        entries,
    } = day;
    view! {
        <td
            class="calendar-month__day"
            class:calendar-month__day--outside=!in_period
            class:calendar-month__day--today=today
            aria-current=today.then_some("date")
        >
            <time class="calendar-month__number" datetime=date>
                <span aria-hidden="true">{number}</span>
                <span class="visually-hidden">{label}</span>
            </time>
            {(!entries.is_empty()).then(|| view! {
                <ul class="calendar-month__entries">
                    {entries
                        .into_iter()
                        .map(|entry| {
                            let status = entry.status;
                            let hint = format!("{}–{} {}, {} ({})", entry.starts, entry.ends, entry.setting_name, entry.with, status.label());
                            view! {
                                <li>
                                    <a
                                        href=format!("/visits/{}", entry.id)
                                        class=format!("calendar-entry calendar-entry--{}", status.code())
                                        title=hint
                                    >
                                        <time datetime=entry.utc>{entry.starts}</time>
                                        " "
                                        <span class="calendar-entry__name">{entry.setting_name}</span>
                                        <span class="visually-hidden">{format!(", {}", status.label())}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })}
        </td>
    }
    .into_any()
}

/// The days of a week, or the agenda's days with visits, as a list.
#[component]
fn DayList(days: Vec<CalendarDay>, empty: &'static str) -> impl IntoView {
    if days.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <ol class="calendar-days">
            {days
                .into_iter()
                .map(|day| {
                    view! {
                        <li
                            class="calendar-days__day"
                            class:calendar-days__day--today=day.today
                            aria-current=day.today.then_some("date")
                        >
                            <h3><time datetime=day.date>{day.label}</time>{day.today.then_some(" (today)")}</h3>
                            {if day.entries.is_empty() {
                                view! { <p class="muted">"No visits."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="calendar-days__entries">
                                        {day.entries.into_iter().map(|entry| view! { <EntryLine entry /> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

/// A visit in the week or agenda: time, setting, who with, and its status.
#[component]
fn EntryLine(entry: CalendarEntry) -> impl IntoView {
    let with = if entry.hosting {
        format!("visit from {}", entry.with)
    } else {
        format!("hosted by {}", entry.with)
    };
    view! {
        <li class=format!("calendar-line calendar-entry--{}", entry.status.code())>
            <time datetime=entry.utc>{format!("{}–{}", entry.starts, entry.ends)}</time>
            " "
            <A href=format!("/visits/{}", entry.id)>{entry.setting_name}</A>
            <span class="muted">{format!(" · {with} ")}</span>
            <VisitStatusTag status=entry.status />
        </li>
    }
}
