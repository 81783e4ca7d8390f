//! `ballast-store`'s one integration binary: the journal (vault, database, entries, drafts,
//! settings), verified backups and their rotation, and upgrades from every frozen schema.

mod backups;
mod journal;
mod modes;
mod search;
mod search_index;
mod upgrade;
