//! The copy check: no text of a catalog shares a run of [`RUN_WORDS`] or more words with
//! any of a set of articles, case and punctuation ignored.
//!
//! The articles are read from a directory named at run time: the project never holds
//! them. Every string of a catalog is text except
//!
//! - ids and enum values (kebab-case words such as `product-owner` or `higher-is-better`),
//! - web addresses (`http://`, `https://`),
//! - the [`EXEMPT_FIELDS`]: a source's `title` and `publisher`, a work's title and its
//!   publisher's name, which can only be quoted.
//!
//! Words are the runs of letters and digits after lowercasing; apostrophes are dropped
//! (`product’s` and `product's` are both `products`), every other character separates
//! words, so `long-term` is two words and `Delivery timelines,` one. An article's words
//! run on across line breaks: a run that starts on one line and ends on the next counts.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::Path;

use rolefit_core::CatalogData;
use serde_json::Value;

/// The shortest shared run of words that counts as copied.
pub const RUN_WORDS: usize = 6;

/// `(list, field)` pairs whose text is quoted by necessity and not checked.
pub const EXEMPT_FIELDS: &[(&str, &str)] = &[("sources", "title"), ("sources", "publisher")];

/// An article, as the words it is made of.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file name, for reports.
    pub name: String,
    words: Vec<String>,
    /// The 1-based line of each word.
    lines: Vec<usize>,
}

impl Article {
    /// An article from its text.
    pub fn new(name: impl Into<String>, text: &str) -> Self {
        let (words, lines) = words_with_lines(text).into_iter().unzip();
        Self { name: name.into(), words, lines }
    }
}

/// Reads every file of `dir` as an article, in file-name order.
pub fn read_articles(dir: &Path) -> Result<Vec<Article>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.file_type().map_err(|e| format!("{}: {e}", entry.path().display()))?.is_file() {
            paths.push(entry.path());
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{}: no article files in this directory", dir.display()));
    }
    paths
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok(Article::new(name, &text))
        })
        .collect()
}

/// A run of words a catalog text shares with an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedRun {
    /// The catalog list the record is in, e.g. `responsibilities`.
    pub list: String,
    /// The record's id (a lexicon entry's `fact`), or its position when it has none.
    pub record: String,
    /// The path of the text inside the record, e.g. `values[0].value`.
    pub field: String,
    /// The shared words, lowercased and space-separated.
    pub words: String,
    /// The article's file name.
    pub article: String,
    /// The article line the run starts on.
    pub line: usize,
}

impl fmt::Display for SharedRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.words.split(' ').count();
        write!(
            f,
            "{} {} {}: \"{}\" ({n} words, {} line {})",
            self.list, self.record, self.field, self.words, self.article, self.line
        )
    }
}

/// Every run of [`RUN_WORDS`] or more words that a text of `data` shares with an article,
/// in catalog order.
pub fn check(data: &CatalogData, articles: &[Article]) -> Result<Vec<SharedRun>, String> {
    let index = RunIndex::new(articles);
    let value = serde_json::to_value(data).map_err(|e| format!("cannot read the catalog's texts: {e}"))?;
    let mut found = Vec::new();
    let Value::Object(lists) = value else { return Ok(found) };
    for (list, records) in &lists {
        let Value::Array(records) = records else { continue };
        for (i, record) in records.iter().enumerate() {
            let name = ["id", "fact"]
                .iter()
                .find_map(|key| record.get(key).and_then(Value::as_str))
                .map_or_else(|| format!("[{i}]"), str::to_owned);
            let Value::Object(fields) = record else { continue };
            for (field, v) in fields {
                if EXEMPT_FIELDS.contains(&(list.as_str(), field.as_str())) {
                    continue;
                }
                let mut texts = Vec::new();
                collect_texts(v, field.clone(), &mut texts);
                for (path, text) in texts {
                    for (words, article, line) in index.shared_runs(text) {
                        let (list, record, field) = (list.clone(), name.clone(), path.clone());
                        found.push(SharedRun { list, record, field, words, article, line });
                    }
                }
            }
        }
    }
    Ok(found)
}

/// The strings under `value` that are text, with their paths.
fn collect_texts<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v str)>) {
    match value {
        Value::String(s) if is_text(s) => out.push((path, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_texts(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, v) in map {
                collect_texts(v, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

/// Not an id, an enum value or a web address.
fn is_text(s: &str) -> bool {
    let kebab = !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    !kebab && !s.starts_with("http://") && !s.starts_with("https://")
}

/// Every [`RUN_WORDS`]-word window of the articles, with where it occurs.
struct RunIndex<'a> {
    articles: &'a [Article],
    windows: HashMap<&'a [String], Vec<(usize, usize)>>,
}

impl<'a> RunIndex<'a> {
    fn new(articles: &'a [Article]) -> Self {
        let mut windows: HashMap<&'a [String], Vec<(usize, usize)>> = HashMap::new();
        for (a, article) in articles.iter().enumerate() {
            for (start, window) in article.words.windows(RUN_WORDS).enumerate() {
                windows.entry(window).or_default().push((a, start));
            }
        }
        Self { articles, windows }
    }

    /// The maximal runs `text` shares with an article: (words, article name, line).
    fn shared_runs(&self, text: &str) -> Vec<(String, String, usize)> {
        let words: Vec<String> = words_with_lines(text).into_iter().map(|(w, _)| w).collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i + RUN_WORDS <= words.len() {
            let longest = self.windows.get(&words[i..i + RUN_WORDS]).and_then(|places| {
                places
                    .iter()
                    .map(|&(a, start)| {
                        let theirs = &self.articles[a].words[start..];
                        let len = words[i..].iter().zip(theirs).take_while(|(x, y)| x == y).count();
                        (len, a, start)
                    })
                    .max_by_key(|&(len, a, start)| (len, std::cmp::Reverse((a, start))))
            });
            match longest {
                Some((len, a, start)) => {
                    let article = &self.articles[a];
                    runs.push((words[i..i + len].join(" "), article.name.clone(), article.lines[start]));
                    i += len;
                }
                None => i += 1,
            }
        }
        runs
    }
}

/// The words of `text`, lowercased, each with its 1-based line.
fn words_with_lines(text: &str) -> Vec<(String, usize)> {
    let mut words = Vec::new();
    let (mut word, mut line, mut word_line) = (String::new(), 1, 1);
    for c in text.chars() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                word_line = line;
            }
            word.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02bc}') {
            if !word.is_empty() {
                words.push((std::mem::take(&mut word), word_line));
            }
            if c == '\n' {
                line += 1;
            }
        }
    }
    if !word.is_empty() {
        words.push((word, word_line));
    }
    words
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

    use super::*;
    use rolefit_core::Format;

    /// An article written for these tests.
    const GAZETTE: &str = "The Gnome Gazette\n\
        Our garden gnomes keep a weekly newsletter about their neighbours’ quiet evening habits.\n\
        Each issue lists the\nflower beds they guard, the snails they befriend and the tea they brew.";

    fn catalog(practice_description: &str) -> CatalogData {
        let toml = format!(
            r#"
            [[sources]]
            id = "gazette"
            title = "Our garden gnomes keep a weekly newsletter about their quiet evening habits"
            publisher = "The Gnome Gazette"
            kind = "article"
            note = "A newsletter, summarised."

            [[practices]]
            id = "gnome-news"
            name = "Read the gnome news"
            description = "{practice_description}"
            sources = ["gazette"]
            "#
        );
        Format::Toml.parse(&toml).unwrap()
    }

    fn runs(practice_description: &str) -> Vec<SharedRun> {
        check(&catalog(practice_description), &[Article::new("gazette.txt", GAZETTE)]).unwrap()
    }

    #[test]
    fn a_planted_copied_run_is_found_with_its_record_field_and_line() {
        let found = runs("Teams read it: Garden-Gnomes KEEP a weekly newsletter, about their habits.");
        assert_eq!(
            found,
            [SharedRun {
                list: "practices".into(),
                record: "gnome-news".into(),
                field: "description".into(),
                words: "garden gnomes keep a weekly newsletter about their".into(),
                article: "gazette.txt".into(),
                line: 2,
            }]
        );
        assert_eq!(
            found[0].to_string(),
            "practices gnome-news description: \"garden gnomes keep a weekly newsletter about their\" \
             (8 words, gazette.txt line 2)"
        );
    }

    #[test]
    fn runs_continue_across_the_articles_line_breaks() {
        let found = runs("It lists the flower beds they guard, and more.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].words.as_str(), found[0].line), ("lists the flower beds they guard", 3));
    }

    #[test]
    fn apostrophes_and_case_are_ignored() {
        let found = runs("A note About their NEIGHBOUR'S quiet evening habits.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].words, "about their neighbours quiet evening habits");
    }

    #[test]
    fn five_shared_words_are_not_a_copy() {
        assert!(runs("Gnomes keep a weekly newsletter, though rarely.").is_empty());
    }

    #[test]
    fn source_titles_and_publishers_are_exempt_but_notes_are_not() {
        assert!(runs("Nothing copied here.").is_empty(), "the title quotes the article and is exempt");
        let mut data = catalog("Nothing copied here.");
        data.sources.to_mut()[0].note = Some("Says our garden gnomes keep a weekly newsletter.".into());
        let found = check(&data, &[Article::new("gazette.txt", GAZETTE)]).unwrap();
        assert_eq!(
            (found[0].list.as_str(), found[0].record.as_str(), found[0].field.as_str()),
            ("sources", "gazette", "note")
        );
    }

    #[test]
    fn ids_and_addresses_are_not_text() {
        assert!(!is_text("garden-gnomes-keep-a-weekly-newsletter-about-their"));
        assert!(!is_text("https://example.invalid/garden/gnomes/keep/a/weekly/newsletter"));
        assert!(is_text("Garden gnomes"));
        assert!(is_text("Gnomes"));
        // One lowercase word reads as an id: it cannot hold a run of six.
        assert!(!is_text("gnomes"));
    }

    /// The canonical dataset against the articles it was written from, when they are at
    /// hand (`../shared/seeds` beside the workspace); the project does not contain them.
    #[test]
    fn the_canonical_dataset_shares_no_run_with_the_seed_articles() {
        let root = crate::workspace_root();
        let seeds = root.join("../shared/seeds");
        if !seeds.is_dir() {
            eprintln!("SKIPPED: {} not found; the copy check needs the articles", seeds.display());
            return;
        }
        let articles = read_articles(&seeds).unwrap();
        let data = crate::load_data(&crate::data_dir(&root)).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        let found = check(&data, &articles).unwrap();
        let list: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(found.is_empty(), "{} text(s) share runs with the articles:\n{}", found.len(), list.join("\n"));
    }
}
