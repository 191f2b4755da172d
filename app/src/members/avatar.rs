//! Member avatars in the page: a photo when the member uploaded one, initials
//! otherwise; and the photo form on the profile settings page, which works as plain
//! POST forms without JavaScript.

mod server;

use iey_dto::{
    AVATAR_FIELD, AVATAR_LARGE, AVATAR_SMALL, AppError, AvatarProblem, MyAvatar, avatar_url,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::ErrorNotice;
pub use server::{RemoveAvatar, UploadAvatar, get_my_avatar};

/// The page the photo form lives on; its server functions send the browser back here.
#[cfg(feature = "ssr")]
pub const PHOTO_FORM_PAGE: &str = "/settings/profile";
/// The id of the photo form's section, so that the browser comes back to it.
const SECTION_ID: &str = "photo";

/// A member's avatar: their photo, or their initials on a circle. Decorative, as
/// their name is always next to it.
#[component]
pub fn Avatar(
    /// The key of their uploaded photo, if any.
    avatar: Option<String>,
    /// Up to two letters shown when there is no photo.
    initials: String,
    /// 96 px instead of 48 px.
    #[prop(optional)]
    large: bool,
    /// More classes, e.g. where the avatar sits in a card.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let class = ["avatar", if large { "avatar--lg" } else { "" }, class]
        .into_iter()
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let (size, shown) = if large {
        (AVATAR_LARGE, 96)
    } else {
        (AVATAR_SMALL, 48)
    };
    match avatar {
        Some(key) => view! {
            <span class=class aria-hidden="true">
                <img
                    src=avatar_url(&key, size)
                    width=shown
                    height=shown
                    alt=""
                    loading="lazy"
                    decoding="async"
                />
            </span>
        }
        .into_any(),
        None => view! { <span class=class aria-hidden="true">{initials}</span> }.into_any(),
    }
}

/// The logged-in member's avatar, for [`AvatarUpload`]; made by the page, outside
/// its Suspend.
pub fn my_avatar() -> Resource<Result<MyAvatar, AppError>> {
    Resource::new(|| (), |()| get_my_avatar())
}

/// The photo form: the current avatar (`mine`, from [`my_avatar`]), a file field
/// to upload a new one and a button to remove it. Must not be placed inside
/// another `<form>`.
#[component]
pub fn AvatarUpload(mine: Resource<Result<MyAvatar, AppError>>) -> impl IntoView {
    let (done, problem) = use_query_map().with_untracked(|query| {
        (
            query.get("avatar"),
            query.get("avatar_error").map(|code| {
                AvatarProblem::from_code(&code).map_or_else(
                    || AppError::Internal.to_string(),
                    |p| p.message().to_owned(),
                )
            }),
        )
    });
    let done = done.and_then(|done| match done.as_str() {
        "saved" => Some("Your new photo is saved."),
        "removed" => Some("Your photo is removed. Members see your initials instead."),
        _ => None,
    });
    view! {
        <section id=SECTION_ID class="stack" aria-labelledby="photo-title">
            <h2 id="photo-title">"Profile photo"</h2>
            {done.map(|done| view! { <p class="alert alert--success" role="status">{done}</p> })}
            // Read, not awaited: the page's Suspend awaits it.
            {move || match mine.get() {
                Some(Ok(mine)) => photo_forms(mine, problem.clone()).into_any(),
                Some(Err(error)) => view! { <ErrorNotice error /> }.into_any(),
                None => view! { <p class="muted">"Loading your photo…"</p> }.into_any(),
            }}
        </section>
    }
}

/// The upload and remove forms, for a member whose avatar is `mine`.
fn photo_forms(mine: MyAvatar, problem: Option<String>) -> impl IntoView {
    let has_photo = mine.avatar.is_some();
    let input_id = "avatar-file";
    let hint_id = "avatar-file-hint";
    let problem_id = "avatar-file-problem";
    let described_by = if problem.is_some() {
        format!("{hint_id} {problem_id}")
    } else {
        hint_id.to_owned()
    };
    view! {
        <Avatar avatar=mine.avatar initials=mine.initials large=true />
        <form
            class="form"
            method="post"
            action=UploadAvatar::url()
            enctype="multipart/form-data"
        >
            <div class="form-field">
                <label for=input_id>
                    {if has_photo { "Choose a new photo" } else { "Choose a photo" }}
                </label>
                <p id=hint_id class="form-field__hint">
                    "A JPEG, PNG or WebP image of up to 5 MB. We crop it to a square and "
                    "remove the camera and location details stored in the file."
                </p>
                <input
                    id=input_id
                    type="file"
                    name=AVATAR_FIELD
                    accept="image/jpeg,image/png,image/webp"
                    required
                    aria-describedby=described_by
                    aria-invalid=problem.is_some().then_some("true")
                />
                {problem
                    .map(|problem| {
                        view! {
                            <p id=problem_id class="form-field__error" role="alert">
                                {problem}
                            </p>
                        }
                    })}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary">
                    "Upload photo"
                </button>
            </div>
        </form>
        {has_photo
            .then(|| {
                view! {
                    <form method="post" action=RemoveAvatar::url()>
                        <button type="submit" class="btn btn--secondary">
                            "Remove photo"
                        </button>
                    </form>
                }
            })}
    }
}

/// Where a photo form's POST sends the browser: back to the form with what happened.
#[cfg(feature = "ssr")]
fn outcome_address(outcome: Result<&str, AppError>) -> String {
    match outcome {
        Ok(done) => format!("{PHOTO_FORM_PAGE}?avatar={done}#{SECTION_ID}"),
        Err(AppError::Unauthenticated) => format!("/login?next={PHOTO_FORM_PAGE}"),
        Err(error) => {
            let code = AvatarProblem::of(&error).map_or("failed", AvatarProblem::code);
            format!("{PHOTO_FORM_PAGE}?avatar_error={code}#{SECTION_ID}")
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_goes_back_to_the_form_with_a_code() {
        assert_eq!(
            outcome_address(Ok("saved")),
            "/settings/profile?avatar=saved#photo"
        );
        assert_eq!(
            outcome_address(Err(AvatarProblem::TooLarge.into())),
            "/settings/profile?avatar_error=too_large#photo"
        );
        assert_eq!(
            outcome_address(Err(AppError::Internal)),
            "/settings/profile?avatar_error=failed#photo"
        );
        assert_eq!(
            outcome_address(Err(AppError::Unauthenticated)),
            "/login?next=/settings/profile"
        );
    }
}
