//! The `ballast` binary as a script would use it: real processes, a temporary data directory,
//! and the documented exit codes.

mod data;
mod entries;
mod report;
mod search;
mod self_checks;
mod support;
