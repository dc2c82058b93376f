//! Layer 2: parsing. Each file is read and parsed once into the facts and markup the later layers
//! read; syntax trees never leave this layer.

pub(crate) mod comment;
pub mod js;
pub mod json;
pub mod load;
pub mod markup;
pub(crate) mod suppress;
pub(crate) mod syntax_error;
pub mod vue;
