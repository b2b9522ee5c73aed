//! Ctrl-C (or `kill`, or a closed terminal) while a file is being replaced: the old
//! file stays as it was and the temporary file is removed.
//!
//! Outside a [`Guard`] the signals keep their usual effect (the process ends with
//! 128 + the signal's number). Inside one, every signal, a second Ctrl-C included, is
//! only noted: the writer checks between pieces of the file, removes the temporary
//! file and exits with 128 + the number of the signal. Stopping at once on a second
//! signal would leave the temporary file behind.

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::context::Context;

#[cfg_attr(not(unix), allow(dead_code))]
struct Flags {
    /// Not inside a guard: a signal stops the process at once.
    outside: Arc<AtomicBool>,
    /// The number of the last signal that arrived inside a guard, or 0.
    signal: Arc<AtomicUsize>,
}

static FLAGS: OnceLock<Option<Flags>> = OnceLock::new();

#[cfg(unix)]
fn flags() -> Option<&'static Flags> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    FLAGS
        .get_or_init(|| {
            let flags = Flags { outside: Arc::new(AtomicBool::new(true)), signal: Arc::new(AtomicUsize::new(0)) };
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                let code = 128 + signal;
                // In order: outside a guard, stop; else note which signal it was.
                let registered = signal_hook::flag::register_conditional_shutdown(signal, code, flags.outside.clone())
                    .and_then(|_| {
                        let number = usize::try_from(signal).unwrap_or(usize::MAX);
                        signal_hook::flag::register_usize(signal, flags.signal.clone(), number)
                    });
                if registered.is_err() {
                    return None;
                }
            }
            Some(flags)
        })
        .as_ref()
}

/// Elsewhere the signals keep their usual effect: an interrupted write may leave its
/// temporary file (the target is still whole, old or new).
#[cfg(not(unix))]
fn flags() -> Option<&'static Flags> {
    FLAGS.get_or_init(|| None).as_ref()
}

/// While alive, an interrupting signal is noted instead of stopping the process.
pub struct Guard(Option<&'static Flags>);

impl Guard {
    /// Starts a section that must not be cut short (writing and renaming a file).
    pub fn arm() -> Self {
        let flags = flags();
        if let Some(f) = flags {
            f.signal.store(0, Ordering::SeqCst);
            f.outside.store(false, Ordering::SeqCst);
        }
        Self(flags)
    }

    /// `Err(Interrupted)` if a signal arrived since [`Guard::arm`].
    pub fn check(&self) -> std::io::Result<()> {
        if self.signal().is_some() {
            return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"));
        }
        Ok(())
    }

    /// The signal that arrived since [`Guard::arm`], if one did.
    fn signal(&self) -> Option<usize> {
        self.0.map(|f| f.signal.load(Ordering::SeqCst)).filter(|&n| n != 0)
    }

    /// Ends the process with 128 + the signal's number if a signal arrived, saying what was kept.
    pub fn exit_if_interrupted(&self, ctx: &Context, kept: &std::path::Path) {
        if let Some(signal) = self.signal() {
            ctx.output().say(&format_args!("interrupted; {} left as it was", kept.display()));
            std::process::exit(i32::try_from(128 + signal).unwrap_or(i32::MAX));
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(f) = self.0 {
            f.outside.store(true, Ordering::SeqCst);
        }
    }
}
