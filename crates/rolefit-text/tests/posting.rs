//! Postings with a title: the title and the body judged apart, spans into what the user
//! gave, and the classification fields that cannot mislead (adjacent-role postings).
//!
//! Every posting here is written for these tests.

use rolefit_text::{Markers, Posting};

use super::{PM_POSTING, PO_POSTING, classifier};

/// Duties of a Product Manager, with no role title in them.
const PM_DUTIES: &str = "You run market research and competitive analysis, set pricing, own the \
                         go-to-market plan and the product strategy, and build the roadmap with sales.";

#[test]
fn a_title_that_says_product_owner_over_a_product_managers_duties_is_a_mismatch() {
    let posting = Posting::new(PM_DUTIES).with_title("Product Owner (m/f/d)");
    let c = classifier().classify_posting(&posting).unwrap();
    assert_eq!(c.title_role.as_deref(), Some("product-owner"));
    assert_eq!(c.body_verdict.as_str(), "product-manager");
    assert_eq!(c.title_matches_body, Some(false));
    assert_eq!(
        c.mismatch.as_deref(),
        Some(
            "the title says Product Owner; the duties read like a Product Manager's: market research, pricing, go-to-market"
        )
    );
    // The overall verdict still reads the title as the posting's own.
    assert_eq!(c.verdict.as_str(), "product-owner");
    // Spans: the title's phrases into the title, the body's into the body.
    assert_eq!(c.title_evidence.len(), 1);
    assert_eq!(&posting.title.as_deref().unwrap()[c.title_evidence[0].start..c.title_evidence[0].end], "Product Owner");
    for e in &c.evidence {
        assert!(
            posting.body[e.start..e.end].eq_ignore_ascii_case(e.phrase.as_ref()) || e.phrase.as_ref() == "pricing",
            "{e:?}"
        );
    }
}

#[test]
fn a_title_that_agrees_with_the_body_matches() {
    let c = classifier().classify_posting(&Posting::new(PM_DUTIES).with_title("Senior Product Manager")).unwrap();
    assert_eq!(
        (c.title_role.as_deref(), c.title_matches_body, c.mismatch),
        (Some("product-manager"), Some(true), None)
    );
    assert_eq!(c.verdict.as_str(), "product-manager");
}

#[test]
fn without_a_title_the_body_verdict_is_the_verdict_and_nothing_is_compared() {
    for text in [PO_POSTING, PM_POSTING, ""] {
        let c = classifier().classify(text).unwrap();
        assert_eq!(c.body_verdict, c.verdict);
        assert_eq!((c.title_role, c.title_matches_body, c.mismatch), (None, None, None));
        assert!(c.title_evidence.is_empty());
        // A plain posting without a title reads the same as its text.
        assert_eq!(classifier().classify_posting(&Posting::new(text)).unwrap(), classifier().classify(text).unwrap());
    }
}

#[test]
fn a_title_naming_two_roles_or_none_has_no_title_role() {
    for title in ["Product Manager / Product Owner", "Senior Associate", "Product Owner and Scrum Master"] {
        let c = classifier().classify_posting(&Posting::new(PM_DUTIES).with_title(title)).unwrap();
        assert_eq!((c.title_role.as_deref(), c.title_matches_body), (None, None), "{title}");
    }
}

#[test]
fn a_body_with_too_little_evidence_neither_matches_nor_contradicts_the_title() {
    let c = classifier()
        .classify_posting(&Posting::new("Join our friendly team in Berlin.").with_title("Product Owner"))
        .unwrap();
    assert_eq!(c.body_verdict.as_str(), "undetermined");
    assert_eq!((c.title_role.as_deref(), c.title_matches_body), (Some("product-owner"), None));
}

#[test]
fn an_adjacent_title_over_product_duties_says_so() {
    let body = "You own and refine the product backlog with the development team, write user stories with \
                acceptance criteria, and run sprint planning and backlog grooming.";
    let c = classifier().classify_posting(&Posting::new(body).with_title("Scrum Master")).unwrap();
    assert_eq!(c.title_role.as_deref(), Some("scrum-master"));
    assert_eq!(c.body_verdict.as_str(), "product-owner");
    assert_eq!(c.title_matches_body, Some(false));
    assert!(
        c.mismatch
            .as_deref()
            .unwrap()
            .starts_with("the title says Scrum Master; the duties read like a Product Owner's: ")
    );
    assert_eq!(
        (c.verdict.as_str(), c.adjacent_role.as_deref(), c.top_role),
        ("undetermined", Some("scrum-master"), None)
    );
}

#[test]
fn spans_of_a_page_point_into_the_page_for_title_and_body() {
    let page = r#"<html><head><title>Jobs</title><script type="application/ld+json">
{"@type": "JobPosting", "title": "Product&#32;Owner", "description": "<p>Run market research &amp; set pricing.</p><p>Own the go-to-market plan, the product strategy and the roadmap.</p>"}
</script></head><body><h1>Careers</h1></body></html>"#;
    let posting = Posting::from_html(page);
    let c = classifier().classify_posting(&posting).unwrap();
    assert_eq!(c.title_matches_body, Some(false));
    let title = &c.title_evidence[0];
    assert_eq!(&page[title.start..title.end], "Product&#32;Owner");
    let found: Vec<&str> = c.evidence.iter().map(|e| &page[e.start..e.end]).collect();
    assert_eq!(found, ["market research", "pricing", "go-to-market", "product strategy", "roadmap"]);
    // The scorecard's origins point into the page too.
    for contribution in c.scorecard.contributions() {
        if let rolefit_core::Origin::Text { start, end, phrase } = &contribution.origin {
            assert!(page[*start..*end].eq_ignore_ascii_case(phrase.as_ref()), "{phrase}");
        }
    }
}

/// Every title of every adjacent role, as the posting's own title and in its first line,
/// over a body that also names the catalog roles as colleagues and carries their duties:
/// the posting is that adjacent role's, `top_role` names no catalog role, and the
/// confidence is about that verdict.
#[test]
fn adjacent_role_postings_never_get_a_catalog_top_role() {
    let body = "You work with the Product Owner and the Product Manager. You support backlog refinement, \
                the product backlog, user stories, the roadmap and market research.";
    let mut checked = 0;
    for role in Markers::default().adjacent_roles {
        for title in &role.titles {
            let title_case: String = title.split(' ').map(capitalised).collect::<Vec<_>>().join(" ");
            let in_text = format!("{title_case}\n\nWe are hiring a {title}. {body}");
            let posting = Posting::new(body).with_title(title_case.clone());
            for c in [classifier().classify(&in_text).unwrap(), classifier().classify_posting(&posting).unwrap()] {
                assert_eq!(c.adjacent_role.as_deref(), Some(role.id.as_str()), "{title}: {c:?}");
                assert_eq!(c.verdict.as_str(), "undetermined", "{title}");
                assert_eq!(c.top_role, None, "{title}");
                assert!(c.confidence > 0.5 && c.confidence <= 1.0, "{title}: {}", c.confidence);
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Once a posting has named its own role, the other role's title is a colleague (a quarter
/// of a mention, cue word or not), and the titles of the people that role reports to
/// state the hire's reporting line: no evidence of any role.
#[test]
fn after_its_own_title_a_posting_names_the_other_role_only_as_colleagues_and_bosses() {
    let text = "We are looking for a Product Owner for our checkout team.\n\n\
                You refine the product backlog and write user stories. Product Managers will rely on you; \
                the Product Manager of each market brings the product strategy. You have a line into the Chief \
                Product Officer and the Head of Product, and the VP of Product joins the sprint review.\n\n\
                You talk to the Chief Product Officer every week.";
    let c = classifier().classify(text).unwrap();
    assert_eq!(c.verdict.as_str(), "product-owner");
    let pm_title =
        c.scorecard.contributions().iter().find(|x| x.fact == "product-manager" && x.role == "product-manager");
    // Two "Product Manager(s)" as colleagues (a quarter each), the leaders not at all.
    let strength = pm_title.map(|x| x.strength).unwrap();
    assert!((strength - (1.0 - 0.5_f64.powf(0.5))).abs() < 1e-9, "{strength}");
    // Without its own title first, the same leaders are the other role's mentions as before.
    let untitled = "You talk to the Chief Product Officer every week and refine the product backlog.";
    let c = classifier().classify(untitled).unwrap();
    assert!(c.scorecard.contributions().iter().any(|x| x.fact == "product-manager" && x.strength > 0.0));
}
