//! Ctrl-C (or `kill`, or a closed terminal) while a file is being replaced: the old
//! file stays as it was and the temporary file is removed.
//!
//! Outside a [`Guard`] the signals keep their usual effect. Inside one, the first
//! signal is only noted, so the writer can stop at a safe point (before the rename)
//! and clean up; a second one stops the process at once.

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit code after an interruption (128 + SIGINT, as a shell reports Ctrl-C).
pub const EXIT_INTERRUPTED: u8 = 130;

#[cfg_attr(not(unix), allow(dead_code))]
struct Flags {
    /// Not inside a guard: a signal stops the process at once.
    outside: Arc<AtomicBool>,
    /// A signal arrived inside a guard.
    pending: Arc<AtomicBool>,
}

static FLAGS: OnceLock<Option<Flags>> = OnceLock::new();

#[cfg(unix)]
fn flags() -> Option<&'static Flags> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    FLAGS
        .get_or_init(|| {
            let flags = Flags { outside: Arc::new(AtomicBool::new(true)), pending: Arc::new(AtomicBool::new(false)) };
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                let code = i32::from(EXIT_INTERRUPTED) - SIGINT + signal;
                // In order: outside a guard, stop; a second signal inside one, stop; else note it.
                let registered = signal_hook::flag::register_conditional_shutdown(signal, code, flags.outside.clone())
                    .and_then(|_| signal_hook::flag::register_conditional_shutdown(signal, code, flags.pending.clone()))
                    .and_then(|_| signal_hook::flag::register(signal, flags.pending.clone()));
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
            f.pending.store(false, Ordering::SeqCst);
            f.outside.store(false, Ordering::SeqCst);
        }
        Self(flags)
    }

    /// `Err(Interrupted)` if a signal arrived since [`Guard::arm`].
    pub fn check(&self) -> std::io::Result<()> {
        if self.interrupted() {
            return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"));
        }
        Ok(())
    }

    /// Whether a signal arrived since [`Guard::arm`].
    pub fn interrupted(&self) -> bool {
        self.0.is_some_and(|f| f.pending.load(Ordering::SeqCst))
    }

    /// Ends the process with [`EXIT_INTERRUPTED`] if a signal arrived, saying what was kept.
    pub fn exit_if_interrupted(&self, kept: &std::path::Path) {
        if self.interrupted() {
            eprintln!("rolefit: interrupted; {} left as it was", kept.display());
            std::process::exit(i32::from(EXIT_INTERRUPTED));
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
