//! The global `--max-*` options: limits on the files and streams the commands read.

use rolefit::read::Limit;
use rolefit::{Limits, ParseError};

/// Limits on input, for every command (`rolefit --max-depth 8 validate FILE`).
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Limits on input")]
pub struct LimitArgs {
    /// Largest input file, in bytes (suffixes K, M, G: binary multiples); for `classify`,
    /// the longest posting: a whole text file, or the `text` of one JSON line.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "16M", allow_negative_numbers = true)]
    max_input_bytes: usize,
    /// Deepest nesting of lists and tables in a document.
    #[arg(long, global = true, value_name = "LEVELS", default_value_t = Limits::DEFAULT.max_depth, value_parser = parse_count, allow_negative_numbers = true)]
    max_depth: usize,
    /// Most items in one list of a document (records in a catalog list).
    #[arg(long, global = true, value_name = "ITEMS", default_value_t = Limits::DEFAULT.max_records, value_parser = parse_count, allow_negative_numbers = true)]
    max_records: usize,
    /// Longest string or key in a document, in bytes as written.
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, default_value = "64K", allow_negative_numbers = true)]
    max_string_bytes: usize,
    /// Longest line of JSON Lines input (`classify --jsonl`), in bytes [default:
    /// `--max-input-bytes` plus 1M for the JSON around the text and its escapes].
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_size, allow_negative_numbers = true)]
    max_line_bytes: Option<usize>,
}

/// The limits of one run, from the options.
#[derive(Debug, Clone, Copy)]
pub struct InputLimits {
    limits: Limits,
    /// `--max-line-bytes`, if given.
    max_line_bytes: Option<usize>,
}

impl From<&LimitArgs> for InputLimits {
    fn from(args: &LimitArgs) -> Self {
        let limits = Limits::default()
            .with_max_input_bytes(args.max_input_bytes)
            .with_max_depth(args.max_depth)
            .with_max_records(args.max_records)
            .with_max_string_bytes(args.max_string_bytes);
        let limits = match args.max_line_bytes {
            Some(bytes) => limits.with_max_line_bytes(bytes),
            None => limits,
        };
        Self { limits, max_line_bytes: args.max_line_bytes }
    }
}

impl InputLimits {
    /// The limits on every document and posting.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The JSON Lines line limit (`classify --jsonl`): `--max-line-bytes` if it was
    /// given, else the posting limit `--max-input-bytes` plus 1 MiB.
    pub fn line_limit(&self) -> usize {
        line_limit(self.max_line_bytes, self.limits.max_input_bytes)
    }
}

/// `--max-line-bytes` if given, else the text limit plus 1 MiB for the JSON around the
/// text and its escapes (`\"`, `\n`, `\u00e9`).
fn line_limit(given: Option<usize>, max_input_bytes: usize) -> usize {
    given.unwrap_or(max_input_bytes.saturating_add(1 << 20))
}

/// A parse error as the CLI says it: a limit is named by its option (`--max-depth`).
pub fn describe(err: &ParseError) -> String {
    err.describe(flag)
}

/// The option that sets a limit: `--max-depth` for `max_depth`.
fn flag(limit: Limit) -> String {
    format!("--{}", limit.field_name().replace('_', "-"))
}

/// The error for an input found to be over `--max-input-bytes` while reading it.
pub fn input_too_large(limits: &Limits) -> String {
    format!("input is more than {} bytes, over the limit ({})", limits.max_input_bytes, flag(Limit::InputBytes))
}

/// `123`, `64K`, `16M`, `1G` (binary multiples; `KiB`, `MB` and lowercase work too).
fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    if digits.is_empty() {
        return Err(not_a_number(text, "a size such as 65536, 64K or 16M"));
    }
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{text:?}: unknown unit {unit:?}; use K, M or G")),
    };
    digits.parse::<usize>().ok().and_then(|n| n.checked_mul(1 << shift)).ok_or_else(|| too_large(text))
}

/// A count (levels, items, problems): a whole number, 0 or more.
pub fn parse_count(text: &str) -> Result<usize, String> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_number(text, "a whole number such as 32"));
    }
    t.parse::<usize>().map_err(|_| too_large(text))
}

fn not_a_number(text: &str, expected: &str) -> String {
    if text.trim().starts_with('-') {
        format!("{text:?} is negative; give 0 or more")
    } else {
        format!("{text:?} is not {expected}")
    }
}

fn too_large(text: &str) -> String {
    format!("{text:?} is too large; the most is {} (bytes, levels or items)", usize::MAX)
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use rolefit::Limits;

    use super::{LimitArgs, line_limit, parse_count, parse_size};

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        limits: LimitArgs,
    }

    #[test]
    fn the_flag_defaults_are_the_library_defaults() {
        let Ok(cli) = Cli::try_parse_from(["rolefit"]) else { panic!("no arguments parse") };
        let d = Limits::DEFAULT;
        let l = cli.limits;
        assert_eq!(
            (l.max_input_bytes, l.max_depth, l.max_records, l.max_string_bytes, l.max_line_bytes),
            (d.max_input_bytes, d.max_depth, d.max_records, d.max_string_bytes, None)
        );
        // classify's posting limit is --max-input-bytes: by default, rolefit-text's.
        assert_eq!(l.max_input_bytes, rolefit_text::DEFAULT_MAX_TEXT_BYTES);
        // Without --max-line-bytes, classify --jsonl derives the same default from --max-input-bytes.
        assert_eq!(line_limit(l.max_line_bytes, l.max_input_bytes), d.max_line_bytes);
        assert_eq!(d.max_line_bytes, rolefit_text::DEFAULT_MAX_LINE_BYTES);
    }

    #[test]
    fn the_line_limit_follows_the_input_limit_unless_given() {
        let parse = |args: &[&str]| {
            let Ok(cli) = Cli::try_parse_from(args) else { panic!("{args:?} do not parse") };
            line_limit(cli.limits.max_line_bytes, cli.limits.max_input_bytes)
        };
        assert_eq!(parse(&["rolefit", "--max-input-bytes", "1K"]), 1024 + (1 << 20));
        assert_eq!(parse(&["rolefit", "--max-input-bytes", "1K", "--max-line-bytes", "2K"]), 2048);
        assert_eq!(line_limit(None, usize::MAX), usize::MAX);
    }

    #[test]
    fn numbers_too_large_or_negative_are_called_that() {
        assert_eq!(
            parse_size("99999999999999999999G"),
            Err(format!("\"99999999999999999999G\" is too large; the most is {} (bytes, levels or items)", usize::MAX))
        );
        assert!(parse_size("17179869184G").unwrap_err().contains("is too large"));
        assert_eq!(parse_size("-5"), Err("\"-5\" is negative; give 0 or more".to_owned()));
        assert_eq!(parse_count("-1"), Err("\"-1\" is negative; give 0 or more".to_owned()));
        assert_eq!(parse_count("32"), Ok(32));
        assert!(parse_count("99999999999999999999999").unwrap_err().contains("is too large"));
        assert!(parse_count("ten").unwrap_err().contains("is not a whole number"));
        let Err(e) = Cli::try_parse_from(["rolefit", "--max-depth", "-1"]) else { panic!("-1 was taken") };
        assert!(e.to_string().contains("\"-1\" is negative; give 0 or more"), "{e}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5T").is_err());
    }
}
