//! Deterministic demo data: realistic members from many countries, sectors,
//! languages and time zones. The same seed always gives the same community.

mod catalog;
mod friendships;
mod visits;

pub use visits::{VisitSeed, VisitSeedReport, seed_visits};

use std::collections::HashMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use iey_entity::{friendship, member, member_tag};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};

use crate::members::{SearchDocument, Searchable, write_documents};
use crate::{AppError, Db, DomainResult, internal};
use catalog::Catalog;
use friendships::Acquaintance;
use iey_dto::Sector;

/// Age bands members say they work with.
const AGE_BANDS: &[&str] = &["0-1", "1-2", "2-3", "3-5", "5-8"];
/// Members written to the database in one statement.
const BATCH: usize = 500;

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct SeedOptions {
    /// How many members to add.
    pub members: usize,
    /// The random seed; the same seed gives the same members and friendships.
    pub seed: u64,
    /// Friendships each new verified member starts on average, mostly with
    /// neighbours (same country and sector); each ends up with about twice as
    /// many friends. 0 seeds none.
    pub friendships_per_member: u32,
}

/// What the seeder added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    /// Members added.
    pub members: usize,
    /// Tags (sectors, languages, age bands, interests) added.
    pub tags: usize,
    /// Friendships added (each stored as two rows, one per direction).
    pub friendships: usize,
}

/// Adds demo members after any already there. Handles carry a running number, so
/// seeding twice adds new people instead of failing.
pub async fn seed_members(db: &Db, options: SeedOptions) -> DomainResult<SeedReport> {
    let existing = member::Entity::find()
        .count(db)
        .await
        .map_err(internal("counting members before seeding"))?;
    let catalog = Catalog::bundled().map_err(|error| {
        tracing::error!(%error, "the bundled seed catalogue does not parse");
        AppError::Internal
    })?;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut report = SeedReport {
        members: 0,
        tags: 0,
        friendships: 0,
    };
    let mut acquaintances: Vec<Acquaintance> = Vec::new();
    let txn = db.begin().await.map_err(internal("starting the seed"))?;
    let mut number = existing as usize;
    while report.members < options.members {
        let size = BATCH.min(options.members - report.members);
        let people: Vec<DemoMember> = (0..size)
            .map(|_| {
                number += 1;
                DemoMember::draw(&mut rng, &catalog, number)
            })
            .collect();
        member::Entity::insert_many(people.iter().map(DemoMember::row))
            .exec(&txn)
            .await
            .map_err(internal("inserting demo members"))?;
        // Read the new ids back by handle: backends differ in what an insert returns.
        let ids: HashMap<String, i32> = member::Entity::find()
            .select_only()
            .column(member::Column::Handle)
            .column(member::Column::Id)
            .filter(member::Column::Handle.is_in(people.iter().map(|p| p.handle.clone())))
            .into_tuple::<(String, i32)>()
            .all(&txn)
            .await
            .map_err(internal("reading demo member ids"))?
            .into_iter()
            .collect();
        let tags: Vec<member_tag::ActiveModel> = people
            .iter()
            .filter_map(|person| Some(person.tag_rows(*ids.get(&person.handle)?)))
            .flatten()
            .collect();
        report.tags += tags.len();
        for chunk in tags.chunks(BATCH * 2) {
            member_tag::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await
                .map_err(internal("inserting demo tags"))?;
        }
        let documents: Vec<SearchDocument> = people
            .iter()
            .filter_map(|person| Some(person.search_document(*ids.get(&person.handle)?)))
            .collect();
        write_documents(&txn, &documents).await?;
        acquaintances.extend(people.iter().filter_map(|person| {
            let id = *ids.get(&person.handle)?;
            person.verified.then(|| person.acquaintance(id))
        }));
        report.members += size;
    }
    let drawn = friendships::draw(&acquaintances, options.friendships_per_member, options.seed);
    friendships::insert(&txn, &drawn).await?;
    report.friendships = drawn.len();
    txn.commit()
        .await
        .map_err(internal("committing the seed"))?;
    Ok(report)
}

/// Seeds `options` only when the database has no members yet (first start).
pub async fn seed_if_empty(db: &Db, options: SeedOptions) -> DomainResult<Option<SeedReport>> {
    let existing = member::Entity::find()
        .count(db)
        .await
        .map_err(internal("counting members"))?;
    if existing > 0 {
        return Ok(None);
    }
    seed_members(db, options).await.map(Some)
}

/// Befriends the verified members already in the database, as
/// [`seed_members`] would have, when there are no friendships at all yet (a
/// database seeded before friendships were). Returns how many it added.
pub async fn seed_friendships_if_none(
    db: &Db,
    options: SeedOptions,
) -> DomainResult<Option<usize>> {
    let existing = friendship::Entity::find()
        .count(db)
        .await
        .map_err(internal("counting friendships"))?;
    if existing > 0 {
        return Ok(None);
    }
    let txn = db
        .begin()
        .await
        .map_err(internal("starting to seed friendships"))?;
    let people = friendships::everyone(&txn).await?;
    let drawn = friendships::draw(&people, options.friendships_per_member, options.seed);
    friendships::insert(&txn, &drawn).await?;
    txn.commit()
        .await
        .map_err(internal("committing seeded friendships"))?;
    Ok(Some(drawn.len()))
}

/// One made-up member before it is written.
struct DemoMember {
    handle: String,
    display_name: String,
    headline: String,
    organisation: Option<String>,
    country_code: String,
    city: String,
    time_zone: String,
    bio: String,
    visibility: &'static str,
    open_to_visits: bool,
    open_to_mentoring: bool,
    verified: bool,
    joined: DateTime<Utc>,
    tags: Vec<(&'static str, String)>,
}

impl DemoMember {
    fn draw(rng: &mut ChaCha8Rng, catalog: &Catalog, number: usize) -> Self {
        let country = &catalog.countries[rng.random_range(0..catalog.countries.len())];
        let given = pick(rng, &country.given_names);
        let family = pick(rng, &country.family_names);
        let city = pick(rng, &country.cities).to_owned();
        let display_name = format!("{given} {family}");
        let handle = format!("{}-{number}", slug(&display_name));

        let sector_count = if rng.random_bool(0.25) { 2 } else { 1 };
        let sectors: Vec<&str> = Sector::ALL
            .choose_multiple(rng, sector_count)
            .map(|sector| sector.code())
            .collect();
        let main_sector = sectors.first().copied().unwrap_or("other");
        let headline = catalog
            .headlines
            .get(main_sector)
            .map_or("Early years practitioner", |titles| pick(rng, titles))
            .to_owned();

        let mut languages: Vec<&str> = vec![pick(rng, &country.languages)];
        if !languages.contains(&"en") && rng.random_bool(0.6) {
            languages.push("en");
        }
        let interest_count = rng.random_range(2..=5);
        let mut interests: Vec<&str> = catalog
            .interests
            .choose_multiple(rng, interest_count)
            .map(String::as_str)
            .collect();
        interests.sort_unstable();
        let mut bands: Vec<&str> = AGE_BANDS.to_vec();
        bands.shuffle(rng);
        bands.truncate(rng.random_range(1..=3));

        let organisation = rng
            .random_bool(0.85)
            .then(|| pick(rng, &catalog.organisation_patterns).replace("{city}", &city));
        let bio = format!(
            "{} {}. Based in {city}.",
            pick(rng, &catalog.bio_lines),
            interests.join(", ").replace('-', " ")
        );
        let visibility = match rng.random_range(0..10) {
            0..=6 => "public",
            7..=8 => "members",
            _ => "friends",
        };
        let joined = Utc
            .with_ymd_and_hms(2024, 1, 1, 9, 0, 0)
            .single()
            .unwrap_or_default()
            + Duration::minutes(rng.random_range(0..(1000 * 24 * 60)));

        let mut tags: Vec<(&'static str, String)> = Vec::new();
        tags.extend(sectors.iter().map(|s| ("sector", (*s).to_owned())));
        tags.extend(languages.iter().map(|l| ("language", (*l).to_owned())));
        tags.extend(bands.iter().map(|b| ("age_band", (*b).to_owned())));
        tags.extend(interests.iter().map(|i| ("interest", (*i).to_owned())));

        DemoMember {
            handle,
            display_name,
            headline,
            organisation,
            country_code: country.code.clone(),
            time_zone: pick(rng, &country.time_zones).to_owned(),
            city,
            bio,
            visibility,
            open_to_visits: rng.random_bool(0.3),
            open_to_mentoring: rng.random_bool(0.25),
            verified: rng.random_bool(0.97),
            joined,
            tags,
        }
    }

    fn row(&self) -> member::ActiveModel {
        member::ActiveModel {
            id: Default::default(),
            email: Set(format!("{}@example.org", self.handle)),
            handle: Set(self.handle.clone()),
            password_hash: Set(None),
            sort_name: Set(self.display_name.to_lowercase()),
            display_name: Set(self.display_name.clone()),
            headline: Set(self.headline.clone()),
            organisation_name: Set(self.organisation.clone()),
            country_code: Set(self.country_code.clone()),
            city: Set(self.city.clone()),
            time_zone: Set(self.time_zone.clone()),
            bio: Set(self.bio.clone()),
            visibility: Set(self.visibility.to_owned()),
            open_to_visits: Set(self.open_to_visits),
            open_to_mentoring: Set(self.open_to_mentoring),
            role: Set("member".to_owned()),
            email_verified_at: Set(self.verified.then_some(self.joined)),
            created_at: Set(self.joined),
            updated_at: Set(self.joined),
            avatar_key: Set(None),
        }
    }

    fn acquaintance(&self, id: i32) -> Acquaintance {
        // The first by code, as the database gives it back to `everyone`.
        let sector = self
            .tags
            .iter()
            .filter(|(kind, _)| *kind == "sector")
            .map(|(_, code)| code)
            .min();
        Acquaintance {
            id,
            country: self.country_code.clone(),
            sector: sector.cloned().unwrap_or_default(),
            joined: self.joined,
        }
    }

    fn search_document(&self, member_id: i32) -> SearchDocument {
        let interests: Vec<String> = self
            .tags
            .iter()
            .filter(|(kind, _)| *kind == "interest")
            .map(|(_, value)| value.clone())
            .collect();
        SearchDocument::of(&Searchable {
            member_id,
            display_name: &self.display_name,
            handle: &self.handle,
            headline: &self.headline,
            organisation: self.organisation.as_deref(),
            bio: &self.bio,
            interests: &interests,
        })
    }

    fn tag_rows(&self, member_id: i32) -> impl Iterator<Item = member_tag::ActiveModel> + '_ {
        self.tags
            .iter()
            .map(move |(kind, value)| member_tag::ActiveModel {
                member_id: Set(member_id),
                kind: Set((*kind).to_owned()),
                value: Set(value.clone()),
            })
    }
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &'a [String]) -> &'a str {
    items.choose(rng).map_or("", String::as_str)
}

/// A lower-case ASCII handle from a display name ("Zoë O'Neil" → "zoe-oneil").
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-') && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(slug("Zoë O'Neil"), "zoe-oneil");
        assert_eq!(slug("  Łukasz  Nowak "), "lukasz-nowak");
    }

    #[test]
    fn the_same_seed_draws_the_same_people() {
        let Ok(catalog) = Catalog::bundled() else {
            panic!("catalog.json parses")
        };
        let mut first = ChaCha8Rng::seed_from_u64(7);
        let mut second = ChaCha8Rng::seed_from_u64(7);
        for number in 1..50 {
            let a = DemoMember::draw(&mut first, &catalog, number);
            let b = DemoMember::draw(&mut second, &catalog, number);
            assert_eq!(a.handle, b.handle);
            assert_eq!(a.tags, b.tags);
        }
    }
}
