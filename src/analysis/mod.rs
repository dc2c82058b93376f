//! Layer 4: what several rules share — trade sites, IM entries, pages users look at, the call
//! graph, iOS reasoning, virtual goods and the text users see — computed once per file or project.

pub mod calls;
pub mod context;
pub mod drainage;
pub mod ios;
pub mod pay_starts;
pub mod reach;
pub mod service;
pub mod text;
pub mod trade;
pub mod virtual_goods;
