//! Markup: one model ([`model`]) fed by three dialects — TTML templates ([`ttml`]), Vue
//! `<template>`s ([`vue`]) and JSX — so that rules never ask which dialect a page is written in.
//!
//! TTML and Vue share a tolerant parser ([`parser`]) that builds the tag tree as written
//! ([`tree`]); each dialect then lowers that tree into the model.

pub(crate) mod expr;
mod model;
mod parser;
mod tree;
pub mod ttml;
pub(crate) mod vue;

pub use model::*;
