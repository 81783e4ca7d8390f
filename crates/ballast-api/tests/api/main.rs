//! `ballast-api`'s one integration binary: journeys through the use cases, backups and damage,
//! and the crash-safety harness (which runs this same binary as its child).

mod backups;
mod care;
mod check_ins;
mod crash;
mod damage;
mod door;
mod full_disk;
mod home;
mod import_checks;
mod journeys;
mod keys;
mod reminders;
mod report;
mod search;
mod support;
mod templates;
mod transfer;
mod trends;
mod words;
mod zone;
