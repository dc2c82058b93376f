//! Layer 2: parsing. Each file is read and parsed once into the facts and markup the later layers
//! read; syntax trees never leave this layer.

pub mod comment;
pub mod js;
pub mod json;
pub mod load;
pub mod markup;
pub mod suppress;
pub mod syntax_error;
pub mod vue;
