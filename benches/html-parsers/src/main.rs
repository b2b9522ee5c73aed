//! Which HTML crate should rolefit-text read pages with? Each candidate extracts a page's
//! visible text (no `script`/`style`, entities decoded); this program times them on the same
//! pages and checks what they give on awkward inputs.
//!
//! Usage: `cargo run --release -- POSTINGS.jsonl [RUNS]` from this directory. The pages are
//! built at run time from the postings' `text` (headings, bullets and paragraphs become HTML
//! elements; a navigation bar, a script, a style sheet and a JSON-LD block are added); nothing
//! is written to disk.

use std::time::Instant;

type Extract = fn(&str) -> String;

fn html5gum_text(html: &str) -> String {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};
    let mut out = String::new();
    let mut skip = 0u32;
    let mut tag: Vec<u8> = Vec::new();
    let emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _span: Span<usize>| -> Option<std::convert::Infallible> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                tag.clear();
                tag.extend_from_slice(name);
                if matches!(name, b"script" | b"style") {
                    skip += 1;
                }
            }
            CallbackEvent::EndTag { name } => {
                if matches!(name, b"script" | b"style") {
                    skip = skip.saturating_sub(1);
                }
                if matches!(name, b"p" | b"li" | b"div" | b"h1" | b"h2" | b"h3") {
                    out.push('\n');
                }
            }
            CallbackEvent::String { value } if skip == 0 => out.push_str(&String::from_utf8_lossy(value)),
            _ => {}
        }
        None
    });
    let mut emitter = emitter;
    emitter.naively_switch_states(true);
    let _ = Tokenizer::new_with_emitter(html, emitter).finish();
    out
}

fn lol_html_text(html: &str) -> String {
    use lol_html::html_content::TextType;
    use lol_html::{HtmlRewriter, Settings, doc_text};
    let mut out = String::new();
    {
        let mut raw = String::new();
        let mut rewriter = HtmlRewriter::new(
            Settings::new().append_document_content_handler(doc_text!(|t| {
                    if matches!(t.text_type(), TextType::Data | TextType::RCData) {
                        raw.push_str(t.as_str());
                        if t.last_in_text_node() {
                            out.push_str(&html_escape::decode_html_entities(&raw));
                            raw.clear();
                        }
                    }
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        let _ = rewriter.write(html.as_bytes());
        let _ = rewriter.end();
    }
    out
}

fn tl_text(html: &str) -> String {
    let mut out = String::new();
    let Ok(dom) = tl::parse(html, tl::ParserOptions::default()) else { return out };
    let parser = dom.parser();
    fn walk(h: tl::NodeHandle, parser: &tl::Parser<'_>, out: &mut String) {
        let Some(node) = h.get(parser) else { return };
        match node {
            tl::Node::Tag(t) => {
                let name = t.name().as_bytes();
                if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
                    return;
                }
                for c in t.children().top().iter() {
                    walk(*c, parser, out);
                }
            }
            tl::Node::Raw(b) => out.push_str(&html_escape::decode_html_entities(&b.as_utf8_str())),
            tl::Node::Comment(_) => {}
        }
    }
    for h in dom.children() {
        walk(*h, parser, &mut out);
    }
    out
}

fn scraper_text(html: &str) -> String {
    use scraper::{Html, Node};
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        if let Node::Text(t) = node.value() {
            let parent = node.parent().and_then(|p| p.value().as_element().map(|e| e.name().to_owned()));
            if !matches!(parent.as_deref(), Some("script" | "style")) {
                out.push_str(t);
            }
        }
    }
    out
}

const CANDIDATES: &[(&str, Extract)] = &[
    ("html5gum 0.9 (tokenizer)", html5gum_text),
    ("lol_html 3 (streaming rewriter) + html-escape", lol_html_text),
    ("tl 0.7 (zero-copy DOM) + html-escape", tl_text),
    ("scraper 0.29 (html5ever tree)", scraper_text),
];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A posting's text as an HTML page, the way a job board might serve it.
fn page(title: &str, text: &str) -> String {
    let mut body = String::new();
    let mut in_list = false;
    for para in text.split("\n\n") {
        for line in para.lines() {
            let l = line.trim();
            if l.is_empty() {
                continue;
            }
            if let Some(item) = l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
                if !in_list {
                    body.push_str("<ul>\n");
                    in_list = true;
                }
                body.push_str(&format!("  <li>{}</li>\n", escape(item)));
                continue;
            }
            if in_list {
                body.push_str("</ul>\n");
                in_list = false;
            }
            if let Some(h) = l.strip_prefix('#') {
                body.push_str(&format!("<h2>{}</h2>\n", escape(h.trim_start_matches('#').trim())));
            } else {
                body.push_str(&format!("<p>{}</p>\n", escape(l).replace("’", "&rsquo;")));
            }
        }
    }
    if in_list {
        body.push_str("</ul>\n");
    }
    let ld = serde_json::json!({"@context": "https://schema.org", "@type": "JobPosting", "title": title, "description": "see page"});
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t} &ndash; Jobs</title>\n\
         <style>body {{ font-family: sans-serif; }} .nav > li {{ display: inline; }}</style>\n\
         <script type=\"application/ld+json\">{ld}</script>\n\
         <script>window.dataLayer = window.dataLayer || []; if (a < b && c) {{ track('view'); }}</script>\n\
         </head><body><nav><ul class=\"nav\"><li><a href=\"/\">Home</a></li><li><a href=\"/jobs\">Jobs</a></li></ul></nav>\n\
         <main><article><h1>{t}</h1>\n{body}</article></main>\n<footer><p>&copy; 2024 Example &amp; Co.</p></footer></body></html>\n",
        t = escape(title)
    )
}

/// Awkward inputs and the text a browser shows for them (whitespace collapsed for comparison).
const CASES: &[(&str, &str, &str)] = &[
    ("entities", "<p>R&amp;D &lt;team&gt; caf&eacute; &#x27;x&#39; &nbsp;y</p>", "R&D <team> café 'x' \u{a0}y"),
    ("entity without semicolon", "<p>AT&T &amp co &copy 2024</p>", "AT&T & co © 2024"),
    ("script with a closing tag in a string", "<script>var s = '<p>not text</p>';</script><p>text</p>", "text"),
    ("comment with tags", "<!-- <p>hidden</p> --><p>shown</p>", "shown"),
    ("unclosed tags", "<div><p>one<p>two<li>three", "onetwothree"),
    ("quoted > in an attribute", "<a title=\"a > b\">link</a>", "link"),
    ("less-than in text", "<p>a < b and c<d</p>", "a < b and c"),
    ("markup in title (RCDATA)", "<title>A <b>bold</b> title</title>", "A <b>bold</b> title"),
    ("CDATA in HTML", "<p>x<![CDATA[y]]>z</p>", "xz"),
    ("style with a brace", "<style>p::after{content:'<p>'}</style><p>ok</p>", "ok"),
    ("uppercase tags", "<SCRIPT>var x;</SCRIPT><P>Up</P>", "Up"),
    ("stray end tags", "</div></p>text</span>", "text"),
    ("NUL and CR LF", "<p>a\0b\r\nc</p>", "ab\nc"),
    ("script never closed", "<p>before</p><script>var x = 1;", "before"),
];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: html-parsers POSTINGS.jsonl [RUNS]");
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(15);
    let mut pages = Vec::new();
    for line in std::fs::read_to_string(path).expect("postings file").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        pages.push(page(v["title"].as_str().unwrap_or(""), v["text"].as_str().unwrap_or("")));
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    println!("{} pages, {:.2} MB of HTML; {runs} runs each, medians\n", pages.len(), bytes as f64 / 1e6);
    println!("| crate | median ms | MB/s | text bytes | awkward inputs right | panics on mutated pages |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, f) in CANDIDATES {
        let mut times = Vec::new();
        let mut text_len = 0;
        for _ in 0..runs {
            let t = Instant::now();
            text_len = pages.iter().map(|p| f(p).len()).sum::<usize>();
            times.push(t.elapsed().as_secs_f64());
        }
        let m = median(times);
        let mut right = 0;
        let mut wrong = Vec::new();
        for (case, html, want) in CASES {
            let got = std::panic::catch_unwind(|| f(html)).unwrap_or_default();
            if collapse(&got) == collapse(want) {
                right += 1;
            } else {
                wrong.push(format!("{case}: {:?}", collapse(&got)));
            }
        }
        // Cut every page at many points and splice pieces together: broken tags and entities.
        let mut panics = 0;
        let mut tried = 0;
        std::panic::set_hook(Box::new(|_| {}));
        for (i, p) in pages.iter().enumerate().take(40) {
            let b = p.as_bytes();
            for k in 1..25 {
                let cut = (b.len() * k / 25 + i) % b.len();
                let cut2 = (cut * 7 + 13) % b.len();
                let mut s = String::from_utf8_lossy(&b[..cut]).into_owned();
                s.push_str(&String::from_utf8_lossy(&b[cut2..]));
                tried += 1;
                if std::panic::catch_unwind(|| f(&s)).is_err() {
                    panics += 1;
                }
            }
        }
        let _ = std::panic::take_hook();
        println!(
            "| {name} | {:.2} | {:.1} | {text_len} | {right}/{} | {panics}/{tried} |",
            m * 1e3,
            bytes as f64 / m / 1e6,
            CASES.len()
        );
        for w in wrong {
            eprintln!("  {name}: wrong on {w}");
        }
    }
}
