//! Postings read from HTML pages, JSON-LD and JobPosting fields: what is read, what is
//! left out, and where every span points.
//!
//! Every page here is written for these tests.

use proptest::prelude::*;
use rolefit_text::{Posting, PostingFormat};

/// The input bytes a span of the body came from.
fn body_source<'p>(page: &'p str, posting: &Posting, needle: &str) -> &'p str {
    let at = posting.body.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", posting.body));
    let (start, end) = posting.body_map().source_span(at, at + needle.len());
    &page[start..end]
}

fn title_source<'p>(page: &'p str, posting: &Posting) -> &'p str {
    let title = posting.title.as_deref().unwrap();
    let (start, end) = posting.title_map().source_span(0, title.len());
    &page[start..end]
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Product Owner &ndash; Example Careers</title>
  <style>h1 { color: red; } .product-manager::after { content: "<p>"; }</style>
  <script>var role = "Product Manager"; if (a < b) { track(); }</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/pm">Product Manager jobs</a></li></ul></nav>
  <div role="navigation">Browse: Scrum Master roles</div>
  <main>
    <h1>Senior   Product Owner</h1>
    <p>You own the <strong>product backlog</strong> &amp; write user stories
       with the team.</p>
    <h2>About us</h2>
    <p>We are R&amp;D&nbsp;people.</p>
    <ul>
      <li>Refine the backlog</li>
      <li>Run sprint&#x20;reviews</li>
    </ul>
  </main>
  <aside>Similar jobs: Product Manager</aside>
  <footer>&copy; Example &amp; Co.</footer>
  <noscript>Enable JavaScript</noscript>
</body>
</html>
"#;

#[test]
fn a_page_without_json_ld_is_its_visible_text_titled_by_its_h1() {
    let p = Posting::from_html(PAGE);
    assert_eq!(p.format, PostingFormat::Html);
    assert_eq!(p.title.as_deref(), Some("Senior Product Owner"));
    assert_eq!(title_source(PAGE, &p), "Senior   Product Owner");
    assert_eq!(
        p.body,
        "You own the **product backlog** & write user stories\nwith the team.\n\n## About us\n\n\
         We are R&D\u{a0}people.\n\n- Refine the backlog\n- Run sprint reviews"
    );
    for hidden in ["Home", "Product Manager", "Scrum Master", "Similar", "Example", "JavaScript", "track", "color"] {
        assert!(!p.body.contains(hidden), "{hidden:?} read from {:?}", p.body);
    }
}

#[test]
fn spans_point_into_the_page_through_entities_and_collapsed_whitespace() {
    let p = Posting::from_html(PAGE);
    assert_eq!(body_source(PAGE, &p, "product backlog"), "product backlog");
    assert_eq!(body_source(PAGE, &p, "&"), "&amp;");
    assert_eq!(body_source(PAGE, &p, "R&D"), "R&amp;D");
    assert_eq!(body_source(PAGE, &p, "R&D\u{a0}people"), "R&amp;D&nbsp;people");
    assert_eq!(body_source(PAGE, &p, "sprint reviews"), "sprint&#x20;reviews");
    assert_eq!(body_source(PAGE, &p, "stories\nwith"), "stories\n       with");
    // Inserted markup maps to an empty range at its tag.
    let at = p.body.find("## ").unwrap();
    let (start, end) = p.body_map().source_span(at, at + 3);
    assert_eq!(start, end);
    assert!(PAGE[start..].starts_with("<h2>"), "{:?}", &PAGE[start..start + 10]);
}

#[test]
fn without_an_h1_the_title_element_is_the_title() {
    let page = "<html><head><title>\n  Scrum Master (m/f/d) &amp; Coach\n</title></head>\
                <body><p>Facilitate the events.</p></body></html>";
    let p = Posting::from_html(page);
    assert_eq!(p.title.as_deref(), Some("Scrum Master (m/f/d) & Coach"));
    assert_eq!(title_source(page, &p), "Scrum Master (m/f/d) &amp; Coach");
    assert_eq!(p.body, "Facilitate the events.");
}

#[test]
fn a_page_without_head_or_title_has_no_title() {
    let p = Posting::from_html("<p>Own the roadmap.</p><p>Talk to customers.</p>");
    assert_eq!(p.title, None);
    assert_eq!(p.body, "Own the roadmap.\n\nTalk to customers.");
}

fn ld_page(json: &str) -> String {
    format!(
        "<html><head><title>Careers</title><script type=\"application/ld+json\">{json}</script></head>\
         <body><h1>Product Manager</h1><p>Visible text that is not read.</p></body></html>"
    )
}

const JOB: &str = r#"{"@context": "https://schema.org", "@type": "JobPosting",
  "title": "Product Owner &amp; Analyst",
  "identifier": {"@type": "PropertyValue", "name": "Example", "value": "PO-17"},
  "description": "<p>Own the <b>product\u0020backlog</b>.</p>\n<ul><li>Write user stories</li><li>Say \"no\"</li></ul>"}"#;

#[test]
fn a_json_ld_job_posting_at_the_top_level_gives_title_and_description() {
    let page = ld_page(JOB);
    let p = Posting::from_html(&page);
    assert_eq!(p.format, PostingFormat::JsonLd);
    assert_eq!(p.id.as_deref(), Some("PO-17"));
    assert_eq!(p.title.as_deref(), Some("Product Owner & Analyst"));
    assert_eq!(title_source(&page, &p), "Product Owner &amp; Analyst");
    assert_eq!(p.body, "Own the **product backlog**.\n\n- Write user stories\n- Say \"no\"");
    // A span inside a JSON string points at the escaped bytes in the page.
    assert_eq!(body_source(&page, &p, "product backlog"), "product\\u0020backlog");
    assert_eq!(body_source(&page, &p, "Write user stories"), "Write user stories");
    assert_eq!(body_source(&page, &p, "\"no\""), "\\\"no\\\"");
}

#[test]
fn a_job_posting_is_found_inside_graph_and_arrays() {
    let graph = format!(
        r#"{{"@context": "https://schema.org", "@graph": [{{"@type": "Organization", "name": "Example"}}, {JOB}]}}"#
    );
    let array = format!(r#"[{{"@type": "BreadcrumbList"}}, {JOB}]"#);
    let typed = JOB.replace(r#""@type": "JobPosting""#, r#""@type": ["Thing", "https://schema.org/JobPosting"]"#);
    for json in [graph, array, typed] {
        let page = ld_page(&json);
        let p = Posting::from_html(&page);
        assert_eq!(p.format, PostingFormat::JsonLd, "{json}");
        assert_eq!(p.title.as_deref(), Some("Product Owner & Analyst"));
        assert_eq!(body_source(&page, &p, "product backlog"), "product\\u0020backlog");
    }
}

#[test]
fn json_ld_without_a_job_posting_or_not_json_falls_back_to_the_visible_text() {
    for json in
        [r#"{"@type": "Organization", "name": "Example"}"#, "{not json", "", r#"{"@type": "JobPosting", "@type": "x"}"#]
    {
        let p = Posting::from_html(&ld_page(json));
        assert_eq!(p.format, PostingFormat::Html, "{json}");
        assert_eq!(p.title.as_deref(), Some("Product Manager"));
        assert_eq!(p.body, "Visible text that is not read.");
    }
}

#[test]
fn a_job_posting_without_description_keeps_the_visible_text() {
    let page = ld_page(r#"{"@type": "JobPosting", "title": "Scrum Master", "url": "https://example.com/jobs/9"}"#);
    let p = Posting::from_html(&page);
    assert_eq!(p.format, PostingFormat::JsonLd);
    assert_eq!(p.id.as_deref(), Some("https://example.com/jobs/9"));
    assert_eq!(p.title.as_deref(), Some("Scrum Master"));
    assert_eq!(p.body, "Visible text that is not read.");
}

#[test]
fn job_posting_fields_are_read_as_html_and_markup_escaped_twice_is_read() {
    let description =
        "&lt;p&gt;Own the &lt;strong&gt;product vision&lt;/strong&gt;.&lt;/p&gt;&lt;p&gt;Set pricing.&lt;/p&gt;";
    let p = Posting::from_job_posting(Some(" Product Manager "), description);
    assert_eq!(p.format, PostingFormat::JobPosting);
    assert_eq!(p.title.as_deref(), Some("Product Manager"));
    assert_eq!(p.body, "Own the **product vision**.\n\nSet pricing.");
    assert_eq!(body_source(description, &p, "product vision"), "product vision");
    assert_eq!(body_source(description, &p, "pricing."), "pricing.");
    let plain = Posting::from_job_posting(None, "Own the roadmap.\n\nTalk to customers &amp; partners.");
    assert_eq!(plain.title, None);
    assert_eq!(plain.body, "Own the roadmap.\n\nTalk to customers & partners.");
}

#[test]
fn plain_postings_map_to_themselves() {
    let p = Posting::new("Own the backlog.").with_title("  Product Owner ");
    assert_eq!(p.title.as_deref(), Some("Product Owner"));
    assert_eq!(p.title_map().source_span(0, 7), (2, 9));
    assert!(p.body_map().is_identity());
    assert_eq!(Posting::new("x").with_title("   ").title, None);
}

#[test]
fn tag_soup_is_read_as_a_browser_would() {
    let cases = [
        ("<p>a < b and c<d</p>", "a < b and c"),
        ("<!-- <p>hidden</p> --><p>shown</p>", "shown"),
        ("<div><p>one<p>two<li>three", "one\n\ntwo\n- three"),
        ("<a title=\"a > b\">link</a>", "link"),
        ("</div></p>text</span>", "text"),
        ("<p>before</p><script>var x = 1;", "before"),
        ("<SCRIPT>var x;</SCRIPT><P>Up</P>", "Up"),
        ("<p>AT&T &amp co &copy 2024</p>", "AT&T & co \u{a9} 2024"),
        ("<p>line\r\nbreak\rhere</p>", "line\nbreak\nhere"),
        ("<head><title>T</title><p>no closing head</p>", "no closing head"),
    ];
    for (html, want) in cases {
        let p = Posting::from_html(html);
        assert_eq!(p.body, want, "{html}");
    }
}

/// Pieces of HTML: words, entities, whitespace, tags (some skipped, some blocks).
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,8}".prop_map(|w| w),
        Just(" ".to_owned()),
        Just("\n\n  ".to_owned()),
        Just("&amp;".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("&#233;".to_owned()),
        Just("&lt;".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<br>".to_owned()),
        Just("<li>".to_owned()),
        Just("<h2>".to_owned()),
        Just("</h2>".to_owned()),
        Just("<b>".to_owned()),
        Just("</b>".to_owned()),
        Just("<script>x<y</script>".to_owned()),
        Just("<nav>menu</nav>".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("\r\n".to_owned()),
        Just("<".to_owned()),
        Just("&".to_owned()),
        Just("é".to_owned()),
        Just("&é;".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every word of the body maps to a range of the page that starts with its first letter,
    /// ends with its last and holds its letters in order (markup between them, like a
    /// script, may join two words); spans come in order.
    #[test]
    fn every_word_maps_back_to_its_letters(pieces in proptest::collection::vec(piece(), 0..40)) {
        let page = pieces.concat();
        let p = Posting::from_html(&page);
        let mut last = 0;
        let body = p.body.as_str();
        let mut i = 0;
        while i < body.len() {
            let len = body[i..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(body.len() - i);
            if len == 0 {
                i += body[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let word = &body[i..i + len];
            let (start, end) = p.body_map().source_span(i, i + len);
            let source = &page[start..end];
            prop_assert!(source.starts_with(&word[..1]) && source.ends_with(&word[len - 1..]), "{word:?} from {source:?}");
            let mut letters = source.chars();
            prop_assert!(word.chars().all(|c| letters.any(|s| s == c)), "{word:?} from {source:?}");
            prop_assert!(start >= last, "spans out of order");
            last = start;
            i += len;
        }
        let (start, end) = p.body_map().source_span(0, p.body.len());
        prop_assert!(start <= end && end <= page.len());
    }

    /// Any bytes at all: no panic, and every span stays inside the page.
    #[test]
    fn any_text_is_read_without_panic(page in ".{0,300}") {
        let p = Posting::from_html(&page);
        for i in 0..=p.body.len() {
            let (start, end) = p.body_map().source_span(i.min(p.body.len()), p.body.len());
            prop_assert!(start <= end && end <= page.len());
        }
    }
}
