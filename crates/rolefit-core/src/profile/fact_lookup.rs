//! Finding facts by id quickly, for adapters that resolve many ids per profile.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::{Catalog, FactKind, FactRef};

/// The Fx hash (rustc's): a multiply and a rotate per word. Ids are short, and the map's
/// keys are fixed by the catalog, so a keyed hash would only cost time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The facts of some kinds, by id.
///
/// [`Catalog::locate`] binary-searches every id of the catalog with string comparisons;
/// a candidate profile resolves a dozen or more ids, and that search was most of the cost
/// of candidate fit.
#[derive(Debug, Clone)]
pub(crate) struct FactLookup<'c> {
    map: HashMap<&'c str, FactRef, BuildHasherDefault<FxHasher>>,
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

impl std::fmt::Debug for FxHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FxHasher")
    }
}
