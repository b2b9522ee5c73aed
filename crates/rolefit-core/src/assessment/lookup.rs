//! Finding facts by id quickly, for adapters that resolve many ids per profile.

use rustc_hash::FxHashMap;

use crate::Catalog;
use crate::model::{RecordKind, RecordRef};

/// The facts of some kinds, by id.
///
/// [`Catalog::locate`] binary-searches every id of the catalog with string comparisons;
/// a candidate profile resolves a dozen or more ids, and that search was most of the cost
/// of candidate fit. The map uses the Fx hash (rustc's): the keys are fixed by the catalog,
/// so a keyed hash that resists chosen collisions would only cost time.
#[derive(Debug, Clone)]
pub(crate) struct RecordLookup<'c> {
    map: FxHashMap<&'c str, RecordRef>,
}

impl<'c> RecordLookup<'c> {
    pub(crate) fn new(catalog: &'c Catalog, kinds: &[RecordKind]) -> Self {
        let map = catalog.ids().filter(|(_, at)| kinds.contains(&at.kind)).map(|(id, at)| (id.as_str(), at)).collect();
        Self { map }
    }

    /// The fact with this id, if it is of `kind`.
    #[inline]
    pub(crate) fn get(&self, id: &str, kind: RecordKind) -> Option<RecordRef> {
        self.map.get(id).copied().filter(|f| f.kind == kind)
    }
}
