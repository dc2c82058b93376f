//! The integration tests, one module per subject, built as one test binary: each test binary
//! links the whole of ttlint with its parser, and twenty of them were linked and started on
//! every run.
//! `cargo test --test integration <module>` runs one subject.

mod common;

mod adoption;
mod bad_input;
mod cli;
mod customer_service;
mod docs;
mod drainage;
mod fuzz_regressions;
mod hostile;
mod html_output;
mod integrations;
mod internal_error;
mod ios;
mod languages;
mod layers;
mod lsp;
mod payment;
mod precision;
mod project_model;
mod taro;
mod uni_app;
