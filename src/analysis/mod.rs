//! Layer 4: what several rules share — trade sites, IM entries, pages users look at, the call
//! graph, iOS reasoning, virtual goods and the text users see — computed once per file or project.

pub(crate) mod calls;
pub mod context;
pub(crate) mod drainage;
pub(crate) mod ios;
pub(crate) mod pay_starts;
pub(crate) mod reach;
pub(crate) mod service;
pub(crate) mod text;
pub(crate) mod trade;
pub(crate) mod virtual_goods;
