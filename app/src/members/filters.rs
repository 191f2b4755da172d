//! The directory's filters: a select per facet with counts in each option, two
//! yes/no boxes and the sort order. Plain form controls, so they work without
//! JavaScript; once hydrated, changing one submits the form.

use iey_dto::{DirectoryFacets, DirectorySort, FacetValue, MemberQuery};
use leptos::prelude::*;

/// The filter controls for the current search and its facet counts.
#[component]
pub fn DirectoryFilters(query: MemberQuery, facets: DirectoryFacets) -> impl IntoView {
    // The default (empty) sort is relevance while searching and name otherwise,
    // so a new search is not stuck with the order the last page happened to use.
    let sort_code = match DirectorySort::from_code(&query.sort) {
        Some(DirectorySort::Relevance) | None => "",
        Some(sort) => sort.code(),
    };
    let active = [
        &query.sector,
        &query.country,
        &query.language,
        &query.age_band,
        &query.interest,
    ]
    .into_iter()
    .filter(|value| !value.is_empty())
    .count()
        + usize::from(query.open_to_visits)
        + usize::from(query.open_to_mentoring);
    let summary = match active {
        0 => "Filter and sort".to_owned(),
        1 => "Filter and sort (1 filter on)".to_owned(),
        n => format!("Filter and sort ({n} filters on)"),
    };
    // Folded until a filter is on, so on a phone the results come first; a plain
    // <details> opens without JavaScript.
    view! {
        <details class="directory-filters-panel" open={active > 0}>
        <summary>{summary}</summary>
        <fieldset class="directory-filters">
            <legend class="visually-hidden">"Filter and sort"</legend>
            <FacetSelect name="sector" label="Sector" any="Any sector" values=facets.sectors selected=query.sector.clone() />
            <FacetSelect name="country" label="Country" any="Any country" values=facets.countries selected=query.country.clone() />
            <FacetSelect name="language" label="Language" any="Any language" values=facets.languages selected=query.language.clone() />
            <FacetSelect name="age_band" label="Works with ages" any="Any age" values=facets.age_bands selected=query.age_band.clone() />
            <FacetSelect name="interest" label="Interest" any="Any interest" values=facets.interests selected=query.interest.clone() />
            <div class="directory-filters__checks">
                <label class="directory-filters__check">
                    <input type="checkbox" name="open_to_visits" value="true" checked=query.open_to_visits />
                    {format!("Open to visits ({})", grouped(facets.open_to_visits))}
                </label>
                <label class="directory-filters__check">
                    <input type="checkbox" name="open_to_mentoring" value="true" checked=query.open_to_mentoring />
                    {format!("Open to mentoring ({})", grouped(facets.open_to_mentoring))}
                </label>
            </div>
            <div class="form-field">
                <label for="directory-sort">"Sort by"</label>
                <select id="directory-sort" name="sort">
                    {SORTS
                        .into_iter()
                        .map(|(code, label)| {
                            let is_selected = code == sort_code;
                            view! { <option value=code selected=is_selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </fieldset>
        </details>
    }
}

/// The orders offered, by URL code.
const SORTS: [(&str, &str); 3] = [
    ("", "Best match"),
    ("newest", "Newest members"),
    ("name", "Name"),
];

/// A labelled select of one facet's values, each with its count.
#[component]
fn FacetSelect(
    name: &'static str,
    label: &'static str,
    any: &'static str,
    values: Vec<FacetValue>,
    selected: String,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="form-field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=selected.is_empty()>{any}</option>
                {values
                    .into_iter()
                    .map(|value| {
                        let is_selected = value.value == selected;
                        view! {
                            <option value=value.value selected=is_selected>
                                {format!("{} ({})", value.label, grouped(value.count))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A count with thousands separators: 1204 → "1,204".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1204), "1,204");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
