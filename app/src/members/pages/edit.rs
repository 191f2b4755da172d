//! `/settings/profile`: a member edits their own profile. A plain form that works
//! without JavaScript (problems come back with everything as typed); once
//! hydrated it saves without a page load and shows problems in place.

mod draft;
mod fields;
mod interests;

use iey_dto::{
    AGE_BANDS, AppError, Choice, ProfileChoices, ProfileEditor, ProfileForm, Sector, VISIBILITIES,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::ErrorNotice;
use crate::forms::Notice;
use crate::members::avatar::{AvatarUpload, my_avatar};
use crate::members::server::{SaveProfile, get_profile_editor};
use draft::draft_from_query;
#[cfg(feature = "ssr")]
pub use draft::draft_query;
use fields::{ChoiceGroup, Problems, SelectField, TextArea, TextField, Toggle, field_id};
use interests::InterestsField;

/// The profile edit page.
#[component]
pub fn ProfileEditPage() -> impl IntoView {
    let editor = Resource::new(|| (), |()| get_profile_editor());
    // Resources a page shows inside its Suspend are made by the page itself, before
    // the Suspend: one made inside can be made twice on the server, and every later
    // resource is then numbered differently from the browser's (hydration breaks).
    let mine = my_avatar();
    view! {
        <Title text="Edit your profile" />
        <header class="page-header">
            <h1>"Edit your profile"</h1>
            <p class="page-header__lead">
                "Tell other members who you are, where you work and what you care about."
            </p>
        </header>
        <Suspense fallback=|| view! { <p class="muted">"Loading your profile…"</p> }>
            {move || Suspend::new(async move {
                let _ = mine.await;
                match editor.await {
                    Ok(editor) => view! { <ProfileEditForm editor mine /> }.into_any(),
                    Err(AppError::Unauthenticated) => view! { <LogInFirst /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a visitor sees instead of the form.
#[component]
fn LogInFirst() -> impl IntoView {
    view! {
        <div class="alert alert--info" role="status">
            <p>
                "Please " <a href="/login?next=/settings/profile">"log in"</a>
                " to edit your profile."
            </p>
        </div>
    }
}

/// The form, filled with what was typed last (a draft sent back) or what is stored.
#[component]
fn ProfileEditForm(
    editor: ProfileEditor,
    mine: Resource<Result<iey_dto::MyAvatar, AppError>>,
) -> impl IntoView {
    let save = ServerAction::<SaveProfile>::new();
    let problems = Problems(Signal::derive(move || {
        save.value().get().and_then(Result::err)
    }));
    let ProfileEditor {
        handle,
        form,
        choices,
    } = editor;
    let form = use_query_map()
        .with_untracked(draft_from_query)
        .unwrap_or(form);
    let ProfileChoices {
        countries,
        time_zones,
        languages,
        interests: suggestions,
    } = choices;
    let time_zone = browser_time_zone_unless_set(&form.time_zone);
    let time_zones = time_zones
        .into_iter()
        .map(|zone| Choice {
            label: zone.replace('_', " "),
            code: zone,
        })
        .collect();
    let ProfileForm {
        display_name,
        handle: typed_handle,
        headline,
        organisation,
        country,
        city,
        time_zone: stored_zone,
        languages: ticked_languages,
        other_languages,
        sectors,
        age_bands,
        interests,
        bio,
        visibility,
        open_to_visits,
        open_to_mentoring,
    } = form;
    view! {
        <Notice
            param="welcome"
            message="Welcome to IEY! Tell other members who you are and what you work on, so the right people can find you."
        />
        <p>
            <a href=format!("/members/{handle}")>"View your profile"</a>
        </p>
        // The photo has forms of its own, so it sits outside the profile form.
        <AvatarUpload mine />
        <h2 id="details-title">"Your details"</h2>
        <ActionForm
            action=save
            attr:class="form profile-form"
            attr:novalidate=true
            attr:aria-labelledby="details-title"
        >
            <Summary problems />
            <TextField
                field="display_name"
                label="Name"
                value=display_name
                problems
                maxlength=80
                required=true
                autocomplete="name"
            />
            <TextField
                field="handle"
                label="Handle"
                value=typed_handle
                problems
                maxlength=30
                required=true
                hint="Your profile's address: /members/your-handle. 3 to 30 letters a–z, digits and hyphens."
            />
            <TextField
                field="headline"
                label="Role"
                value=headline
                problems
                hint="For example: Health visitor, Nursery manager, Researcher in child development."
                autocomplete="organization-title"
            />
            <TextField
                field="organisation"
                label="Organisation (optional)"
                value=organisation
                problems
                autocomplete="organization"
            />
            <ChoiceGroup
                field="sectors"
                legend="Sectors you work in"
                options=Sector::ALL
                    .iter()
                    .map(|sector| choice(sector.code(), sector.label()))
                    .collect()
                chosen=sectors
                problems
                hint="Choose at least one."
                columns=true
            />
            <ChoiceGroup
                field="age_bands"
                legend="Ages of the children you work with"
                options=AGE_BANDS.iter().map(|band| choice(band, &format!("{band} years"))).collect()
                chosen=age_bands
                problems
                columns=true
            />
            <div class="form-row">
                <SelectField
                    field="country"
                    label="Country"
                    options=countries
                    selected=country
                    placeholder="Choose your country"
                    problems
                />
                <TextField
                    field="city"
                    label="City or region (optional)"
                    value=city
                    problems
                    maxlength=80
                    autocomplete="address-level2"
                />
            </div>
            <SelectField
                field="time_zone"
                label="Time zone"
                options=time_zones
                selected=stored_zone
                placeholder="Choose your time zone"
                problems
                hint="Times of visits and messages are shown to you in this zone."
                current=time_zone
            />
            <ChoiceGroup
                field="languages"
                legend="Languages you speak"
                options=languages
                chosen=ticked_languages
                problems
                columns=true
            />
            <TextField
                field="other_languages"
                label="Other languages (optional)"
                value=other_languages
                problems
                maxlength=100
                hint="Two-letter ISO 639-1 codes, separated by commas: for example “cy, gd”."
            />
            <InterestsField value=interests suggestions problems />
            <TextArea
                field="bio"
                label="About you"
                value=bio
                problems
                maxlength=2000
                rows=8
                hint="Plain text, up to 2,000 characters. Web addresses become links."
            />
            <fieldset class="choice-group">
                <legend>"Open to"</legend>
                <Toggle field="open_to_visits" label="Hosting visits to my setting" checked=open_to_visits />
                <Toggle field="open_to_mentoring" label="Mentoring other members" checked=open_to_mentoring />
            </fieldset>
            <ChoiceGroup
                field="visibility"
                legend="Who may see your profile"
                options=VISIBILITIES.iter().map(|(code, label)| choice(code, label)).collect()
                chosen=vec![visibility]
                problems
                radio=true
            />
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                    "Save profile"
                </button>
                <a href=format!("/members/{handle}")>"Cancel"</a>
            </div>
        </ActionForm>
    }
}

/// The alert at the top of the form: what went wrong, with a link to each field.
#[component]
fn Summary(problems: Problems) -> impl IntoView {
    move || {
        problems.0.get().map(|error| {
            let items = match &error {
                AppError::Validation { fields } => Some(
                    fields
                        .iter()
                        .map(|problem| {
                            let href = format!("#{}", field_id(&problem.field));
                            view! { <li><a href=href>{problem.message.clone()}</a></li> }
                        })
                        .collect_view(),
                ),
                _ => None,
            };
            view! {
                <div class="alert alert--error" role="alert">
                    <p><strong>{error.to_string()}</strong></p>
                    {items.map(|items| view! { <ul>{items}</ul> })}
                </div>
            }
        })
    }
}

fn choice(code: &str, label: &str) -> Choice {
    Choice {
        code: code.to_owned(),
        label: label.to_owned(),
    }
}

/// The time zone to show: the stored one, or (once hydrated, when none is set
/// or it is plain UTC) the browser's own.
fn browser_time_zone_unless_set(stored: &str) -> RwSignal<String> {
    let zone = RwSignal::new(stored.to_owned());
    if stored.is_empty() || stored == "UTC" {
        Effect::new(move |_| {
            if let Some(browser) = crate::browser::time_zone() {
                zone.set(browser);
            }
        });
    }
    zone
}
