//! Pieces the friend-graph pages share: a member in a list, the status line after
//! a change, and a suggestion's reasons in words.

use iey_dto::{MemberSummary, SuggestionReason};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::members::avatar::Avatar;

/// A member in a friends list: avatar, linked name and role, then `children`
/// (notes and buttons).
#[component]
pub fn MemberLine(
    member: MemberSummary,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <li class="member-line">
            <Avatar avatar=member.avatar initials=member.initials class="member-line__avatar" />
            <div class="member-line__body">
                <A href=format!("/members/{}", member.handle) attr:class="member-line__name">
                    {member.display_name}
                </A>
                {(!member.headline.trim().is_empty())
                    .then(|| view! { <p class="member-line__headline">{member.headline}</p> })}
                {children.map(|children| children())}
            </div>
        </li>
    }
}

/// What a change did, read from `?done=` after the form came back.
#[component]
pub fn DoneNotice() -> impl IntoView {
    view! { <crate::forms::DoneStatus messages=done_message /> }
}

/// The status line for a `?done=` word.
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "sent" => "Friend request sent.",
        "friends" | "accepted" => "You are now friends.",
        "declined" => "Request declined.",
        "cancelled" => "Request cancelled.",
        "unfriended" => "You are no longer friends.",
        "blocked" => "Blocked. Neither of you will see the other anywhere on IEY.",
        "unblocked" => "Unblocked. You can see each other again; the friendship is not restored.",
        "dismissed" => "We won't suggest them again.",
        _ => return None,
    })
}

/// Why a member is suggested, in words: "4 mutual friends · Health · speaks German".
pub fn reasons_text(reasons: &[SuggestionReason]) -> String {
    reasons
        .iter()
        .map(|reason| match reason {
            SuggestionReason::MutualFriends(1) => "1 mutual friend".to_owned(),
            SuggestionReason::MutualFriends(count) => format!("{count} mutual friends"),
            SuggestionReason::Sector(sector) => sector.label().to_owned(),
            SuggestionReason::Country(country) => format!("also in {country}"),
            SuggestionReason::Language(language) => format!("speaks {language}"),
            SuggestionReason::Interest(interest) => {
                format!("interested in {}", interest.replace('-', " "))
            }
            SuggestionReason::AgeBand(band) => format!("works with ages {band}"),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use iey_dto::Sector;

    #[test]
    fn reasons_read_as_one_line() {
        let reasons = [
            SuggestionReason::MutualFriends(4),
            SuggestionReason::Sector(Sector::Health),
            SuggestionReason::Language("German".to_owned()),
        ];
        assert_eq!(
            reasons_text(&reasons),
            "4 mutual friends · Health · speaks German"
        );
        assert_eq!(
            reasons_text(&[SuggestionReason::MutualFriends(1)]),
            "1 mutual friend"
        );
    }
}
