//! A small set of enum members stored as bits (fields, places, accommodations, special needs).
//! Copying and comparing a set costs nothing, which keeps the ranking loop free of allocations.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// An enum whose members can live in a [`Set`] (at most 32 members).
pub trait Member: Copy + 'static {
    /// Every member, in declaration order.
    const MEMBERS: &'static [Self];
    /// The member's position in [`Member::MEMBERS`].
    fn index(self) -> u32;
}

/// A set of enum members, iterated in declaration order; serialised as a list of codes.
pub struct Set<T: Member> {
    bits: u32,
    member: PhantomData<T>,
}

impl<T: Member> Set<T> {
    /// The empty set.
    pub const fn empty() -> Set<T> {
        Set {
            bits: 0,
            member: PhantomData,
        }
    }

    /// The set holding `members`.
    pub fn of(members: &[T]) -> Set<T> {
        members.iter().copied().collect()
    }

    pub fn insert(&mut self, member: T) {
        self.bits |= 1 << member.index();
    }

    /// This set with `member` added.
    #[must_use]
    pub fn with(mut self, member: T) -> Set<T> {
        self.insert(member);
        self
    }

    pub fn contains(self, member: T) -> bool {
        self.bits & (1 << member.index()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    #[must_use]
    pub fn union(self, other: Set<T>) -> Set<T> {
        Set {
            bits: self.bits | other.bits,
            member: PhantomData,
        }
    }

    /// The members of `self` that are not in `other`.
    #[must_use]
    pub fn difference(self, other: Set<T>) -> Set<T> {
        Set {
            bits: self.bits & !other.bits,
            member: PhantomData,
        }
    }

    /// The members, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::MEMBERS
            .iter()
            .copied()
            .filter(move |member| self.contains(*member))
    }
}

impl<T: Member> Clone for Set<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Member> Copy for Set<T> {}

impl<T: Member> Default for Set<T> {
    fn default() -> Self {
        Set::empty()
    }
}

impl<T: Member> PartialEq for Set<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T: Member> Eq for Set<T> {}

impl<T: Member> std::hash::Hash for Set<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl<T: Member + fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Member> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(members: I) -> Self {
        let mut set = Set::empty();
        for member in members {
            set.insert(member);
        }
        set
    }
}

impl<T: Member + Serialize> Serialize for Set<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for member in self.iter() {
            seq.serialize_element(&member)?;
        }
        seq.end()
    }
}

impl<'de, T: Member + Deserialize<'de>> Deserialize<'de> for Set<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<T>(PhantomData<T>);

        impl<'de, T: Member + Deserialize<'de>> Visitor<'de> for Members<T> {
            type Value = Set<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of codes")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Set<T>, A::Error> {
                let mut set = Set::empty();
                while let Some(member) = seq.next_element::<T>()? {
                    set.insert(member);
                }
                Ok(set)
            }
        }

        deserializer.deserialize_seq(Members(PhantomData))
    }
}

/// Declares an enum with a stable snake_case code and Indonesian and English labels, usable in
/// a [`Set`] and serialised as its code.
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => ($code:literal, $id:literal, $en:literal),
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
        }

        impl $name {
            /// Every member, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored and sent over the API.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The Indonesian label, shown to users first.
            pub const fn label_id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The English label.
            pub const fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)+
                }
            }

            /// The member with this code, if there is one.
            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|member| member.as_str() == code)
            }
        }

        impl $crate::placement::set::Member for $name {
            const MEMBERS: &'static [$name] = $name::ALL;

            fn index(self) -> u32 {
                self as u32
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = String::deserialize(deserializer)?;
                $name::parse(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", stringify!($name), " {:?}"),
                        code
                    ))
                })
            }
        }
    };
}

pub(crate) use labelled_enum;
