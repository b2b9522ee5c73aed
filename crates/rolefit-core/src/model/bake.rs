//! Baking records as calls of their `const` constructors, not struct literals, so the
//! model's structs can be `#[non_exhaustive]` and gain fields without breaking the
//! generated catalog's users.

/// Implements `databake::Bake` (and `BakeSize`) for a struct as a call of its
/// constructor with every field, in declaration order. The pattern lists every field,
/// so a new field fails to compile here until the constructor takes it too.
macro_rules! bake_by_constructor {
    ($ty:ident :: $constructor:ident { $($field:ident),* $(,)? }) => {
        #[cfg(feature = "bake")]
        impl databake::Bake for $ty {
            fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
                env.insert("rolefit_core");
                let Self { $($field),* } = self;
                $( let $field = databake::Bake::bake($field, env); )*
                databake::quote! { rolefit_core::model::$ty::$constructor($(#$field),*) }
            }
        }

        #[cfg(feature = "bake")]
        impl databake::BakeSize for $ty {
            fn borrows_size(&self) -> usize {
                let Self { $($field),* } = self;
                0 $( + databake::BakeSize::borrows_size($field) )*
            }
        }
    };
}

pub(crate) use bake_by_constructor;
