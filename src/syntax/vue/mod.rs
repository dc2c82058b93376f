//! Vue single-file components (`.vue`), the way uni-app writes pages and components: the file
//! is split into its blocks ([`sfc`]); the `<template>` is then read by the markup parser's Vue
//! dialect and each `<script>` by oxc, each at its offset in the file.

pub mod sfc;
