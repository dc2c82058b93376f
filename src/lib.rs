//! ttlint: a compliance linter for Douyin (抖音) mini-programs.
//!
//! The flow of a run, one direction: [`discover`] → [`load`] (parse once, in parallel) → file
//! pass ([`rules`] over facts) → project pass → [`report`] → [`output`]. [`engine`] drives it.

pub mod calls;
pub mod cli;
pub mod config;
pub mod context;
pub mod data;
pub mod diagnostic;
pub mod discover;
pub mod drainage;
pub mod engine;
pub mod files;
pub mod ios;
pub mod js;
pub mod json;
pub mod load;
pub mod output;
pub mod project;
pub mod report;
pub mod rules;
pub mod service;
pub mod source;
pub mod suppress;
pub mod text;
pub mod trade;
pub mod ttml;
