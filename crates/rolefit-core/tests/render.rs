//! Results rendered for people: the three renderers on the tiny catalog, both forms, the
//! width, and user text that tries to reach a terminal or a Markdown page as markup.

use rolefit_core::render::{Form, Render};
use rolefit_core::{CandidateFit, CandidateProfile, Catalog, Format, NeedsAssessment, OrgProfile, Scorecard};

use crate::scoring_support::{TINY, tiny};

fn card(catalog: &Catalog) -> Scorecard {
    let profile = OrgProfile::read("[answers]\nscrum = \"yes\"\nsmall-company = \"yes\"\n", Format::Toml, catalog)
        .expect("a valid profile");
    NeedsAssessment::new(catalog).assess(&profile).expect("a valid profile")
}

fn fit(catalog: &Catalog) -> rolefit_core::assessment::FitReport {
    let text = "name = \"Ada\"\n[skills]\nprioritising = \"expert\"\nmarket-analysis = \"beginner\"\n[experience]\norder-backlog = \"owns\"\n";
    let profile = CandidateProfile::read(text, Format::Toml, catalog).expect("a valid profile");
    CandidateFit::new(catalog).assess(&profile).expect("known ids")
}

#[test]
fn a_comparison_renders_as_text_and_markdown() {
    let catalog = tiny();
    let cmp = catalog.compare("product-owner", "product-manager").unwrap();
    insta::assert_snapshot!(cmp.render(&catalog).width(80).to_string(), @r"
    Product Owner and Product Manager, aspect by aspect
    ┌────────┬───────────────┬─────────────────┐
    │ aspect ┆ Product Owner ┆ Product Manager │
    ╞════════╪═══════════════╪═════════════════╡
    └────────┴───────────────┴─────────────────┘

    Responsibilities
    ┌───────────────────┬───────────────┬─────────────────┬───────────────┐
    │ responsibility    ┆ Product Owner ┆ Product Manager ┆ whose         │
    ╞═══════════════════╪═══════════════╪═════════════════╪═══════════════╡
    │ Order the backlog ┆ owns          ┆ contributes     ┆ Product Owner │
    │ Set the vision    ┆ shares        ┆ owns            ┆ shared        │
    └───────────────────┴───────────────┴─────────────────┴───────────────┘

    KPIs
    ┌──────────┬───────────────┐
    │ kpi      ┆ whose         │
    ╞══════════╪═══════════════╡
    │ Velocity ┆ Product Owner │
    └──────────┴───────────────┘

    Skills
    ┌─────────────────┬───────────────┬─────────────────┬─────────────────┐
    │ skill           ┆ Product Owner ┆ Product Manager ┆ whose           │
    ╞═════════════════╪═══════════════╪═════════════════╪═════════════════╡
    │ Prioritising    ┆ essential     ┆ important       ┆ shared          │
    │ Market analysis ┆ helpful       ┆ essential       ┆ Product Manager │
    └─────────────────┴───────────────┴─────────────────┴─────────────────┘
    ");
    insta::assert_snapshot!(cmp.render(&catalog).markdown().to_string(), @r"
    ## Product Owner and Product Manager, aspect by aspect

    | aspect | Product Owner | Product Manager |
    |---|---|---|

    ## Responsibilities

    | responsibility | Product Owner | Product Manager | whose |
    |---|---|---|---|
    | Order the backlog | owns | contributes | Product Owner |
    | Set the vision | shares | owns | shared |

    ## KPIs

    | kpi | whose |
    |---|---|
    | Velocity | Product Owner |

    ## Skills

    | skill | Product Owner | Product Manager | whose |
    |---|---|---|---|
    | Prioritising | essential | important | shared |
    | Market analysis | helpful | essential | Product Manager |
    ");
}

#[test]
fn a_scorecard_renders_as_text_and_markdown() {
    let catalog = tiny();
    let card = card(&catalog);
    insta::assert_snapshot!(card.render(&catalog).title("Small team").to_string(), @r"
    Small team
    verdict: both, one person can cover them: Product Owner and Product Manager
    confidence 0.25 (margin 0.27, 50% of the questions answered)

    ┌─────────────────┬───────┐
    │ role            ┆ score │
    ╞═════════════════╪═══════╡
    │ Product Owner   ┆ 0.50  │
    │ Product Manager ┆ 0.23  │
    │ Delivery Lead   ┆ 0.00  │
    └─────────────────┴───────┘

    ┌────────────────────┬─────────────────┬────────┬────────┐
    │ why (answered yes) ┆ adds to         ┆ effect ┆ weight │
    ╞════════════════════╪═════════════════╪════════╪════════╡
    │ Scrum              ┆ Product Owner   ┆ +0.400 ┆ 0.80   │
    │ Small company      ┆ Product Manager ┆ +0.231 ┆ 0.30   │
    │ Small company      ┆ Product Owner   ┆ +0.100 ┆ 0.20   │
    └────────────────────┴─────────────────┴────────┴────────┘

    ┌────────────────────────────────────┐
    │ unanswered (lowers the confidence) │
    ╞════════════════════════════════════╡
    │ Strategy missing?                  │
    │ Big?                               │
    └────────────────────────────────────┘
    ");
    insta::assert_snapshot!(card.render(&catalog).markdown().to_string(), @r"
    verdict: both, one person can cover them: Product Owner and Product Manager
    confidence 0.25 (margin 0.27, 50% of the questions answered)

    | role | score |
    |---|---|
    | Product Owner | 0.50 |
    | Product Manager | 0.23 |
    | Delivery Lead | 0.00 |

    | why (answered yes) | adds to | effect | weight |
    |---|---|---|---|
    | Scrum | Product Owner | +0.400 | 0.80 |
    | Small company | Product Manager | +0.231 | 0.30 |
    | Small company | Product Owner | +0.100 | 0.20 |

    | unanswered (lowers the confidence) |
    |---|
    | Strategy missing? |
    | Big? |
    ");
}

#[test]
fn a_fit_report_renders_as_text_and_markdown() {
    let catalog = tiny();
    let report = fit(&catalog);
    insta::assert_snapshot!(report.render(&catalog).to_string(), @r"
    Ada
    leans to: Product Owner (the stated evidence leans clearly to one role)
    evidence: 1.10 for Product Owner over Product Manager, 0.28 the other way; margin 0.59, confidence 0.82 (share of what tells them apart that the profile states)

    ┌───────────────────┬──────────┬─────────────────┬────────┐
    │ deciding fact     ┆ stated   ┆ points to       ┆ effect │
    ╞═══════════════════╪══════════╪═════════════════╪════════╡
    │ Order the backlog ┆ owns     ┆ Product Owner   ┆ 0.75   │
    │ Prioritising      ┆ expert   ┆ Product Owner   ┆ 0.35   │
    │ Market analysis   ┆ beginner ┆ Product Manager ┆ 0.28   │
    └───────────────────┴──────────┴─────────────────┴────────┘

    ┌─────────────────┬───────────┬────────┬───────────────┬────────┬────────────────┬─────────┐
    │ role            ┆ shown met ┆ stated ┆ met of stated ┆ strong ┆ weak (missing) ┆ unknown │
    ╞═════════════════╪═══════════╪════════╪═══════════════╪════════╪════════════════╪═════════╡
    │ Product Owner   ┆ 0.79      ┆ 0.79   ┆ 1.00          ┆ 3      ┆ 0              ┆ 1       │
    │ Product Manager ┆ 0.48      ┆ 0.66   ┆ 0.74          ┆ 2      ┆ 1              ┆ 1       │
    │ Delivery Lead   ┆ 0.00      ┆ 0.00   ┆ 0.00          ┆ 0      ┆ 0              ┆ 2       │
    └─────────────────┴───────────┴────────┴───────────────┴────────┴────────────────┴─────────┘

    ┌────────────────────────────┬───────────┬───────────┬──────────┐
    │ Product Owner: stated need ┆ needed    ┆ candidate ┆ standing │
    ╞════════════════════════════╪═══════════╪═══════════╪══════════╡
    │ Prioritising               ┆ essential ┆ expert    ┆ strong   │
    │ Order the backlog          ┆ owns      ┆ owns      ┆ strong   │
    │ Market analysis            ┆ helpful   ┆ beginner  ┆ strong   │
    └────────────────────────────┴───────────┴───────────┴──────────┘
    Product Owner: 1 more needs not stated (unknown, not missing)

    ┌──────────────────────────────┬─────────────┬───────────┬────────────────┐
    │ Product Manager: stated need ┆ needed      ┆ candidate ┆ standing       │
    ╞══════════════════════════════╪═════════════╪═══════════╪════════════════╡
    │ Prioritising                 ┆ important   ┆ expert    ┆ strong         │
    │ Order the backlog            ┆ contributes ┆ owns      ┆ strong         │
    │ Market analysis              ┆ essential   ┆ beginner  ┆ weak (missing) │
    └──────────────────────────────┴─────────────┴───────────┴────────────────┘
    Product Manager: 1 more needs not stated (unknown, not missing)

    Delivery Lead: the profile states none of what the role needs
    Delivery Lead: 2 more needs not stated (unknown, not missing)
    ");
    insta::assert_snapshot!(report.render(&catalog).form(Form::Markdown).to_string(), @r"
    Ada
    leans to: Product Owner (the stated evidence leans clearly to one role)
    evidence: 1.10 for Product Owner over Product Manager, 0.28 the other way; margin 0.59, confidence 0.82 (share of what tells them apart that the profile states)

    | deciding fact | stated | points to | effect |
    |---|---|---|---|
    | Order the backlog | owns | Product Owner | 0.75 |
    | Prioritising | expert | Product Owner | 0.35 |
    | Market analysis | beginner | Product Manager | 0.28 |

    | role | shown met | stated | met of stated | strong | weak (missing) | unknown |
    |---|---|---|---|---|---|---|
    | Product Owner | 0.79 | 0.79 | 1.00 | 3 | 0 | 1 |
    | Product Manager | 0.48 | 0.66 | 0.74 | 2 | 1 | 1 |
    | Delivery Lead | 0.00 | 0.00 | 0.00 | 0 | 0 | 2 |

    | Product Owner: stated need | needed | candidate | standing |
    |---|---|---|---|
    | Prioritising | essential | expert | strong |
    | Order the backlog | owns | owns | strong |
    | Market analysis | helpful | beginner | strong |
    Product Owner: 1 more needs not stated (unknown, not missing)

    | Product Manager: stated need | needed | candidate | standing |
    |---|---|---|---|
    | Prioritising | important | expert | strong |
    | Order the backlog | contributes | owns | strong |
    | Market analysis | essential | beginner | weak (missing) |
    Product Manager: 1 more needs not stated (unknown, not missing)

    Delivery Lead: the profile states none of what the role needs
    Delivery Lead: 2 more needs not stated (unknown, not missing)
    ");
}

#[test]
fn the_title_is_the_results_own_unless_one_is_given() {
    let catalog = tiny();
    let report = fit(&catalog);
    assert!(report.render(&catalog).to_string().starts_with("Ada\nleans to: "));
    assert!(report.render(&catalog).title("cv.toml").to_string().starts_with("cv.toml\nleans to: "));
    assert!(card(&catalog).render(&catalog).to_string().starts_with("verdict: "));
}

#[test]
fn text_tables_fit_the_width_asked_for() {
    let catalog = tiny();
    let cmp = catalog.compare("product-owner", "product-manager").unwrap();
    let report = fit(&catalog);
    for width in [50u16, 70, 200] {
        for text in [cmp.render(&catalog).width(width).to_string(), report.render(&catalog).width(width).to_string()] {
            let widest = text.lines().filter(|l| l.starts_with(['┌', '│', '└'])).map(|l| l.chars().count()).max();
            assert!(widest.is_some_and(|w| w <= usize::from(width)), "{width}: {widest:?}\n{text}");
        }
    }
}

/// The tiny catalog with a Product Owner whose name carries a terminal escape, a bell,
/// a right-to-left override and HTML.
fn hostile() -> Catalog {
    let name = r#"name = "PO\u001b]0;pwned\u0007 \u202e<script>alert(1)</script> & co""#;
    Catalog::from_toml_str(&TINY.replacen(r#"name = "Product Owner""#, name, 1)).unwrap()
}

#[test]
fn user_text_is_escaped_in_every_renderer_and_form() {
    let catalog = hostile();
    let cmp = catalog.compare("product-owner", "product-manager").unwrap();
    let (card, report) = (card(&catalog), fit(&catalog));
    let texts =
        [cmp.render(&catalog).to_string(), card.render(&catalog).to_string(), report.render(&catalog).to_string()];
    let markdowns = [
        cmp.render(&catalog).markdown().to_string(),
        card.render(&catalog).markdown().to_string(),
        report.render(&catalog).markdown().to_string(),
    ];
    for text in texts.iter().chain(&markdowns) {
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text:?}");
        assert!(text.contains(r"PO\u{1b}]0;pwned\u{7} \u{202e}"), "{text}");
    }
    for text in &texts {
        assert!(text.contains("<script>alert(1)</script> & co"), "{text}");
    }
    for markdown in &markdowns {
        assert!(!markdown.contains("<script>"), "{markdown}");
        assert!(markdown.contains("&lt;script>alert(1)&lt;/script> &amp; co"), "{markdown}");
    }
}
