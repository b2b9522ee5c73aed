//! The threads `classify --jsonl` classifies on.
//!
//! rayon sizes its pool from `RAYON_NUM_THREADS`, and starts every thread before the
//! first posting: `RAYON_NUM_THREADS=3000` made a three-line stream take 15 seconds,
//! and 10000 never answered. rolefit honours the variable up to four threads per core.

use std::num::NonZeroUsize;

/// Most threads per core: beyond this, more threads only cost.
const PER_CORE: usize = 4;

/// Builds rayon's global pool with at most [`PER_CORE`] threads per core when
/// `RAYON_NUM_THREADS` asks for more; otherwise leaves rayon to its own sizing.
pub fn cap_pool() {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let asked = std::env::var("RAYON_NUM_THREADS").ok().and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(threads) = capped(asked, cores) {
        // Fails only if the pool was already built, which then is what runs.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global();
    }
}

/// The pool size to impose, if the one asked for is over the cap.
fn capped(asked: Option<usize>, cores: usize) -> Option<usize> {
    let cap = cores.saturating_mul(PER_CORE).max(1);
    asked.filter(|&n| n > cap).map(|_| cap)
}

#[cfg(test)]
mod tests {
    use super::capped;

    #[test]
    fn only_a_pool_over_four_threads_per_core_is_capped() {
        assert_eq!(capped(Some(3000), 2), Some(8));
        assert_eq!(capped(Some(8), 2), None);
        assert_eq!(capped(Some(0), 2), None, "0 lets rayon choose");
        assert_eq!(capped(None, 2), None);
    }
}
