//! Turning a [`Report`](crate::Report) into text a person or a program reads. Each format is one
//! module writing to an injected writer; only [`style`] knows about colors.

pub mod json;
pub mod style;
pub mod text;
