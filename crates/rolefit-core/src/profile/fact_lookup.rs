//! Finding facts by id quickly, for adapters that resolve many ids per profile.

use rustc_hash::FxHashMap;

use crate::{Catalog, FactKind, FactRef};

/// The facts of some kinds, by id.
///
/// [`Catalog::locate`] binary-searches every id of the catalog with string comparisons;
/// a candidate profile resolves a dozen or more ids, and that search was most of the cost
/// of candidate fit. The map uses the Fx hash (rustc's): the keys are fixed by the catalog,
/// so a keyed hash that resists chosen collisions would only cost time.
#[derive(Debug, Clone)]
pub(crate) struct FactLookup<'c> {
    map: FxHashMap<&'c str, FactRef>,
}

impl<'c> FactLookup<'c> {
    pub(crate) fn new(catalog: &'c Catalog, kinds: &[FactKind]) -> Self {
        let map = catalog
            .index()
            .iter()
            .filter(|(_, fact)| kinds.contains(&fact.kind))
            .map(|(id, fact)| (id.as_str(), *fact))
            .collect();
        Self { map }
    }

    /// The fact with this id, if it is of `kind`.
    #[inline]
    pub(crate) fn get(&self, id: &str, kind: FactKind) -> Option<FactRef> {
        self.map.get(id).copied().filter(|f| f.kind == kind)
    }
}
