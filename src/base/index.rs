//! Ids that index a list (a script's functions, a template's nodes), stored one above the index
//! so that an absent id (`Option<Id>`) takes no more room than a present one: every function,
//! call, assignment and node of every file carries a few, and they stay in memory until the
//! project pass ends.

/// Declares such an id: `new(index)`, `index()`, and a `Debug` that shows the index.
macro_rules! compact_index {
    ($(#[$doc:meta])* $vis:vis struct $name:ident;) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis struct $name(std::num::NonZeroU32);

        impl $name {
            /// The id of the item at `index`.
            pub fn new(index: usize) -> Self {
                // Lists hold fewer than 2^32 items (each takes a byte at least of a file under
                // 4 GiB), so the clamp never changes an index in use.
                let index = u32::try_from(index).unwrap_or(u32::MAX - 1);
                Self(std::num::NonZeroU32::MIN.saturating_add(index))
            }

            pub fn index(self) -> usize {
                (self.0.get() - 1) as usize
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.index())
            }
        }
    };
}

pub(crate) use compact_index;

#[cfg(test)]
mod tests {
    compact_index! {
        /// An id for the tests.
        struct TestId;
    }

    #[test]
    fn ids_round_trip_and_cost_nothing_when_absent() {
        for index in [0, 1, 41, u32::MAX as usize - 1] {
            assert_eq!(TestId::new(index).index(), index);
        }
        assert!(TestId::new(1) < TestId::new(2));
        assert_eq!(format!("{:?}", TestId::new(7)), "TestId(7)");
        assert_eq!(size_of::<Option<TestId>>(), 4);
    }
}
