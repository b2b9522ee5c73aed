//! Sets of catalog positions as bits of a `u64`, for the assessors' fast paths.

/// The positions of the set bits, lowest first.
pub(crate) fn positions(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let at = set.trailing_zeros();
        set &= set.wrapping_sub(1);
        (at < u64::BITS).then_some(at as usize)
    })
}
