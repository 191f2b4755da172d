//! The forms that change the friend graph, shared by the friends page and
//! profiles. Each is a plain form (it works without JavaScript) whose result
//! refreshes the page's lists through [`FriendActions::version`].

use iey_dto::{AppError, FriendRequestView};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use super::server::{
    SubmitAccept, SubmitBlock, SubmitCancel, SubmitDecline, SubmitDismiss, SubmitFriendRequest,
    SubmitUnblock, SubmitUnfriend,
};
use crate::forms::{HintAndMessage, Problems, described_by, escape_text, field_id};

/// Every friend-graph action of a page, created once per page.
#[derive(Clone, Copy)]
pub struct FriendActions {
    request: ServerAction<SubmitFriendRequest>,
    accept: ServerAction<SubmitAccept>,
    decline: ServerAction<SubmitDecline>,
    cancel: ServerAction<SubmitCancel>,
    unfriend: ServerAction<SubmitUnfriend>,
    block: ServerAction<SubmitBlock>,
    unblock: ServerAction<SubmitUnblock>,
    dismiss: ServerAction<SubmitDismiss>,
    error: RwSignal<Option<AppError>>,
}

/// Keeps `error` as the outcome of whichever of the actions finished last.
macro_rules! latest_error {
    ($error:expr, $($action:expr),+) => {{
        let mut first = None;
        $(
            if first.is_none() {
                first = $action.value().with_untracked(|value| {
                    value.as_ref().and_then(|result| result.as_ref().err().cloned())
                });
            }
            let action = $action;
            Effect::watch(
                move || action.version().get(),
                move |_, _, _| {
                    $error.set(action.value().with_untracked(|value| {
                        value.as_ref().and_then(|result| result.as_ref().err().cloned())
                    }))
                },
                false,
            );
        )+
        $error.set(first);
    }};
}

impl FriendActions {
    /// The actions of a new page. An error carried back in the address after a
    /// form post without JavaScript is shown from the start.
    pub fn new() -> Self {
        let actions = FriendActions {
            request: ServerAction::new(),
            accept: ServerAction::new(),
            decline: ServerAction::new(),
            cancel: ServerAction::new(),
            unfriend: ServerAction::new(),
            block: ServerAction::new(),
            unblock: ServerAction::new(),
            dismiss: ServerAction::new(),
            error: RwSignal::new(None),
        };
        let error = actions.error;
        latest_error!(
            error,
            actions.request,
            actions.accept,
            actions.decline,
            actions.cancel,
            actions.unfriend,
            actions.block,
            actions.unblock,
            actions.dismiss
        );
        actions
    }

    /// Changes whenever any of the actions completes: lists read it to reload.
    pub fn version(self) -> usize {
        self.request.version().get()
            + self.accept.version().get()
            + self.decline.version().get()
            + self.cancel.version().get()
            + self.unfriend.version().get()
            + self.block.version().get()
            + self.unblock.version().get()
            + self.dismiss.version().get()
    }

    /// Like [`version`](Self::version), but a block does not move it: a block
    /// made from a profile leaves the page, and its member is hidden from then
    /// on, so the profile must not be asked for again (it would be a 404).
    pub fn version_but_blocks(self) -> usize {
        self.version() - self.block.version().get()
    }

    /// The problem with the latest action, if it failed.
    pub fn error(self) -> Signal<Option<AppError>> {
        self.error.into()
    }
}

/// The page's own address, where a form comes back to: its path and its query
/// (a directory search stays as it was).
fn here() -> String {
    let location = use_location();
    let (path, query) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// "Send friend request", with an optional short note.
#[component]
pub fn AddFriendForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    let message = Problems(actions.error()).message("note");
    let id = field_id("note");
    // After a failed post without JavaScript the note comes back in the address.
    let kept = use_query_map().with_untracked(|query| query.get("note").unwrap_or_default());
    view! {
        <ActionForm action=actions.request attr:class="friend-form stack">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="back" value=here() />
            <div class="form-field" class:form-field--invalid=move || message.with(Option::is_some)>
                <label for=id.clone()>{format!("A note to {name} (optional)")}</label>
                <textarea
                    id=id
                    name="note"
                    rows="2"
                    maxlength="280"
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    aria-describedby=described_by("note", true, message)
                    // Leptos writes a textarea's children unescaped.
                    inner_html=escape_text(&kept)
                ></textarea>
                <HintAndMessage field="note" hint=Some("Up to 280 characters.") message />
            </div>
            <button type="submit" class="btn">"Send friend request"</button>
        </ActionForm>
    }
}

/// A one-button "Add friend", for lists.
#[component]
pub fn QuickAddForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.request attr:class="inline-form">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="note" value="" />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small">
                "Add friend" <span class="visually-hidden">{format!(": {name}")}</span>
            </button>
        </ActionForm>
    }
}

/// Accept, decline or block, for a request sent to the viewer.
#[component]
pub fn AnswerForms(actions: FriendActions, request: FriendRequestView) -> impl IntoView {
    let name = request.member.display_name;
    let (accept_whose, decline_whose) =
        (format!(" {name}'s request"), format!(" {name}'s request"));
    let (accept_id, decline_id) = (request.id.to_string(), request.id.to_string());
    view! {
        <div class="cluster">
            <ActionForm action=actions.accept attr:class="inline-form">
                <input type="hidden" name="id" value=accept_id />
                <input type="hidden" name="back" value=here() />
                <button type="submit" class="btn btn--small">
                    "Accept" <span class="visually-hidden">{accept_whose}</span>
                </button>
            </ActionForm>
            <ActionForm action=actions.decline attr:class="inline-form">
                <input type="hidden" name="id" value=decline_id />
                <input type="hidden" name="back" value=here() />
                <button type="submit" class="btn btn--small btn--secondary">
                    "Decline" <span class="visually-hidden">{decline_whose}</span>
                </button>
            </ActionForm>
            <BlockForm actions handle=request.member.handle name />
        </div>
    }
}

/// "Cancel request", for a request the viewer sent.
#[component]
pub fn CancelForm(actions: FriendActions, id: i32, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.cancel attr:class="inline-form">
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small btn--secondary">
                "Cancel request" <span class="visually-hidden">{format!(" to {name}")}</span>
            </button>
        </ActionForm>
    }
}

/// "Unfriend".
#[component]
pub fn UnfriendForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.unfriend attr:class="inline-form">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small btn--secondary">
                "Unfriend" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </ActionForm>
    }
}

/// "Block": neither member sees the other anywhere afterwards.
#[component]
pub fn BlockForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.block attr:class="inline-form">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small btn--danger">
                "Block" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </ActionForm>
    }
}

/// "Unblock".
#[component]
pub fn UnblockForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.unblock attr:class="inline-form">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small btn--secondary">
                "Unblock" <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </ActionForm>
    }
}

/// "Not now": stops suggesting a member.
#[component]
pub fn DismissForm(actions: FriendActions, handle: String, name: String) -> impl IntoView {
    view! {
        <ActionForm action=actions.dismiss attr:class="inline-form">
            <input type="hidden" name="handle" value=handle />
            <input type="hidden" name="back" value=here() />
            <button type="submit" class="btn btn--small btn--secondary">
                "Hide" <span class="visually-hidden">{format!(" {name} from suggestions")}</span>
            </button>
        </ActionForm>
    }
}
