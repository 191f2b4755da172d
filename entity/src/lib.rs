//! SeaORM entities for every table. They never leave the server: the domain layer
//! turns them into wire types.

pub mod avatar;
pub mod friendship;
pub mod member;
pub mod member_tag;
