//! The record registry: every kind of record with its type and its list in a catalog
//! document, declared once.
//!
//! From the declaration at the end of this file come [`CatalogData`] (one list per kind),
//! [`AnyRecord`], [`Registered`] for each type, [`for_each_kind`] and
//! [`RecordKind::visit`]. Every operation on all kinds (lookup, indexing, validation,
//! overlay merge, diff, evidence, generation) goes through them, so it needs no list of
//! kinds of its own. The generated `match`es are exhaustive over [`RecordKind`]: a kind
//! added there and missing here does not compile.

#[cfg(test)]
use super::example_kind::Certification;
use super::kind::{RecordKind, RecordRef};
use super::overlay::{Extensions, OverlaySettings};
use super::record::Record;
use super::{
    AssessmentSignal, CareerPath, Dimension, Disagreement, Kpi, LexiconEntry, List, Practice, Responsibility, Role,
    SalaryFigure, Skill, Source, Text,
};
use crate::Id;

/// What the registry declares about a kind of record: its kind and its list in a
/// document. Implemented for every kind by the registry, never by hand.
pub trait Registered: Record {
    /// The kind.
    const KIND: RecordKind;

    /// The records of this kind in a document.
    fn list(data: &CatalogData) -> &List<Self>;

    /// The records of this kind in a document, to change them.
    fn list_mut(data: &mut CatalogData) -> &mut List<Self>;

    /// The record, borrowed as a record of any kind.
    fn as_any(&self) -> AnyRecord<'_>;
}

/// An operation on every kind of record, called once per kind with the kind's type:
/// what a generic closure would be, if closures could be generic.
pub trait KindVisitor {
    /// Called with one kind of record.
    fn visit<R: Registered>(&mut self);
}

/// Declares every kind of record once, with its type and list.
macro_rules! registry {
    ($(
        $(#[$attr:meta])*
        $kind:ident($ty:ident) {
            list: $list:ident,
            $(#[$list_doc:meta])*
        }
    ),* $(,)?) => {
        impl RecordKind {
            /// The name of the document's list of this kind (`responsibilities`).
            pub fn list_name(self) -> &'static str {
                match self { $($(#[$attr])* Self::$kind => stringify!($list),)* }
            }

            /// Calls the visitor with this kind's type.
            pub fn visit<V: KindVisitor>(self, visitor: &mut V) {
                match self { $($(#[$attr])* Self::$kind => visitor.visit::<$ty>(),)* }
            }
        }

        /// Calls the visitor once per kind, in the order of the document's lists.
        pub fn for_each_kind<V: KindVisitor>(visitor: &mut V) {
            $( $(#[$attr])* visitor.visit::<$ty>(); )*
        }

        /// A record of any kind, borrowed from a catalog.
        ///
        /// Serializes as the record itself.
        #[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum AnyRecord<'a> {
            $(
                $(#[$attr])*
                #[doc = concat!("A record of the `", stringify!($list), "` list.")]
                $kind(&'a $ty),
            )*
        }

        impl<'a> AnyRecord<'a> {
            /// The record at `at` in `data`, if there is one.
            pub fn at(data: &'a CatalogData, at: RecordRef) -> Option<Self> {
                match at.kind {
                    $( $(#[$attr])* RecordKind::$kind => data.$list.get(at.index).map(Self::$kind), )*
                }
            }

            /// Its kind.
            pub fn kind(&self) -> RecordKind {
                match self { $( $(#[$attr])* Self::$kind(_) => RecordKind::$kind, )* }
            }

            /// Its key: the id (for a lexicon entry, the id of the record it is about).
            pub fn key(&self) -> &'a Id {
                match self { $( $(#[$attr])* Self::$kind(r) => Record::key(*r), )* }
            }

            /// What it is called in a report (a disagreement's topic, a salary figure's id).
            pub fn name(&self) -> &'a str {
                match self { $( $(#[$attr])* Self::$kind(r) => Record::name(*r), )* }
            }
        }

        $(
            $(#[$attr])*
            impl Registered for $ty {
                const KIND: RecordKind = RecordKind::$kind;

                fn list(data: &CatalogData) -> &List<Self> {
                    &data.$list
                }

                fn list_mut(data: &mut CatalogData) -> &mut List<Self> {
                    &mut data.$list
                }

                fn as_any(&self) -> AnyRecord<'_> {
                    AnyRecord::$kind(self)
                }
            }
        )*

        /// A catalog document as written in a file: every record, unvalidated.
        ///
        /// Turn it into a [`Catalog`](crate::Catalog) with [`Catalog::new`](crate::Catalog::new),
        /// which checks it and reports every problem at once. Every list may be left out of a
        /// file and then is empty.
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        #[schemars(title = "rolefit catalog")]
        #[non_exhaustive]
        pub struct CatalogData {
            /// Version of the data (semver), e.g. `"1.0.0"`.
            #[serde(default)]
            #[schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[\s\S]+)?$"))]
            pub data_version: Option<Text>,
            $(
                $(#[$attr])*
                $(#[$list_doc])*
                #[serde(default)]
                pub $list: List<$ty>,
            )*
            /// Marks the document as an overlay on a base catalog, and says how it applies.
            /// Only overlays have it; see [`Catalog::builder`](crate::Catalog::builder).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub overlay: Option<OverlaySettings>,
            /// Rows an overlay attaches to records it does not own (a new role's stake in a
            /// base responsibility). Only overlays have it.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub extend: Option<Extensions>,
        }

        impl CatalogData {
            /// A document of these lists, for generated data (`rolefit-data`'s baked
            /// catalog); the lists come in the order of [`RecordKind::ALL`].
            #[allow(clippy::too_many_arguments)]
            pub const fn from_lists(data_version: Option<Text>, $( $(#[$attr])* $list: List<$ty>, )*) -> Self {
                Self { data_version, $( $(#[$attr])* $list, )* overlay: None, extend: None }
            }

            /// How many records of `kind` the document holds.
            pub fn len_of(&self, kind: RecordKind) -> usize {
                match kind { $( $(#[$attr])* RecordKind::$kind => self.$list.len(), )* }
            }
        }

        #[cfg(feature = "bake")]
        impl databake::Bake for CatalogData {
            fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
                env.insert("rolefit_core");
                let data_version = self.data_version.bake(env);
                let mut lists = Vec::new();
                $( $(#[$attr])* lists.push(self.$list.bake(env)); )*
                databake::quote! {
                    rolefit_core::model::CatalogData::from_lists(#data_version, #(#lists),*)
                }
            }
        }

        #[cfg(feature = "bake")]
        impl databake::BakeSize for CatalogData {
            fn borrows_size(&self) -> usize {
                let mut size = self.data_version.borrows_size();
                $( $(#[$attr])* { size += self.$list.borrows_size(); } )*
                size
            }
        }
    };
}

registry! {
    Source(Source) {
        list: sources,
        /// The works the facts come from.
    },
    Role(Role) {
        list: roles,
        /// The roles.
    },
    Responsibility(Responsibility) {
        list: responsibilities,
        /// Pieces of work and who owns them.
    },
    Kpi(Kpi) {
        list: kpis,
        /// Key performance indicators.
    },
    Skill(Skill) {
        list: skills,
        /// Skills, knowledge and abilities.
    },
    Dimension(Dimension) {
        list: dimensions,
        /// Aspects the roles are compared on.
    },
    Salary(SalaryFigure) {
        list: salaries,
        /// Pay figures.
    },
    Signal(AssessmentSignal) {
        list: signals,
        /// Circumstances that point toward a role.
    },
    Practice(Practice) {
        list: practices,
        /// Ways the roles are staffed and work together.
    },
    CareerPath(CareerPath) {
        list: career_paths,
        /// Moves from one role to another, and what each takes.
    },
    Disagreement(Disagreement) {
        list: disagreements,
        /// Points on which the sources disagree.
    },
    Lexicon(LexiconEntry) {
        list: lexicon,
        /// Phrases that recognise facts in free text.
    },
    // The kind that `model/example_kind.rs` adds, to show (and test) that a kind is one
    // declaration: built only for rolefit-core's own unit tests.
    #[cfg(test)]
    Certification(Certification) {
        list: certifications,
        /// Certifications the roles may hold.
    },
}

impl CatalogData {
    /// Calls `each` with the id of every record of the kinds with ids of their own, and
    /// where it is, in document order, duplicates included.
    pub(crate) fn each_id<'d>(&'d self, each: impl FnMut(&'d Id, RecordRef)) {
        struct Ids<'d, F> {
            data: &'d CatalogData,
            each: F,
        }
        impl<'d, F: FnMut(&'d Id, RecordRef)> KindVisitor for Ids<'d, F> {
            fn visit<R: Registered>(&mut self) {
                if R::KIND.has_own_id() {
                    for (index, record) in R::list(self.data).iter().enumerate() {
                        (self.each)(record.key(), RecordRef::new(R::KIND, index));
                    }
                }
            }
        }
        for_each_kind(&mut Ids { data: self, each });
    }
}
