//! Karya domain
