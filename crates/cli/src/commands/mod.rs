//! One module per command group; each parses its arguments into core inputs and calls one
//! service operation.
pub mod demo;
pub mod export;
pub mod forecast;
pub mod import_csv;
pub mod interrupt;
pub mod member;
pub mod publish;
pub mod release;
pub mod removed;
pub mod rotation;
pub mod simulate;
pub mod sprint;
pub mod team;
pub mod time_off;
