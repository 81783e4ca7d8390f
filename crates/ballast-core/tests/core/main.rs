//! `ballast-core`'s one integration binary: the shipped instrument definitions against the
//! verified reference, and the wording of everything the app shows.

mod instruments;
mod wording;
