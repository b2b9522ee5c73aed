//! `rolefit report` (one self-contained HTML page) and `rolefit export --format jsonld`.

use scraper::{Html, Selector};

use super::{repo, rolefit, stderr, stdout, write_temp};

const SECTIONS: [&str; 9] = [
    "roles",
    "comparison",
    "responsibilities",
    "kpis",
    "skills",
    "career-paths",
    "salaries",
    "disagreements",
    "sources",
];

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect()
}

fn report(args: &[&str]) -> Html {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["report", "--output", path.to_str().unwrap()]);
    let out = rolefit(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&path).unwrap();
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "the page does not parse cleanly: {:?}", doc.errors);
    doc
}

#[test]
fn the_report_parses_and_has_every_role_and_section() {
    let doc = report(&[]);
    let catalog = rolefit::canonical();
    for id in SECTIONS {
        let section = select(&doc, &format!("section#{id}"));
        assert_eq!(section.len(), 1, "section {id}");
        assert!(!select(&doc, &format!("nav a[href='#{id}']")).is_empty(), "nav link to {id}");
    }
    assert!(select(&doc, "section#assessment").is_empty());
    let cards: Vec<String> = select(&doc, "#roles .card h3").iter().map(text).collect();
    let names: Vec<String> = catalog.roles().iter().map(|r| r.name.to_string()).collect();
    assert_eq!(cards, names);
    // Every matrix has a column per role, and a row per record.
    for (section, rows) in [
        ("comparison", catalog.dimensions().len()),
        ("skills", catalog.skills().len()),
        ("responsibilities", catalog.responsibilities().len()),
    ] {
        let header: Vec<String> = select(&doc, &format!("#{section} thead th.role-col")).iter().map(text).collect();
        assert_eq!(header, names, "{section}");
        let body = select(&doc, &format!("#{section} tbody tr:not(.group)"));
        assert_eq!(body.len(), rows, "{section}");
    }
    assert_eq!(select(&doc, "#kpis tbody tr").len(), catalog.kpis().len());
    assert_eq!(select(&doc, "#salaries tbody tr").len(), catalog.salaries().len());
    assert_eq!(select(&doc, "#disagreements .dispute").len(), catalog.disagreements().len());
    assert_eq!(select(&doc, "#sources li").len(), catalog.sources().len());
    // Salaries name their sources.
    let salaries = text(&select(&doc, "#salaries")[0]);
    assert!(salaries.contains("USD 106,723 a year") && salaries.contains("Glassdoor"), "{salaries}");
    // Ownership is shown for the product owner's own work.
    let backlog = select(&doc, "#responsibilities tbody tr")
        .into_iter()
        .find(|tr| text(tr).contains("Create and maintain the product backlog"))
        .map(|tr| text(&tr))
        .unwrap();
    assert!(backlog.contains("owns"), "{backlog}");
    // The move from one role to the other, each requirement with what it is about and its sources.
    let path = select(&doc, "#career-paths #path-product-owner-to-product-manager");
    assert_eq!(path.len(), 1);
    let needs = select(&doc, "#path-product-owner-to-product-manager ol.requires li");
    assert_eq!(needs.len(), 5);
    assert!(select(&doc, "#path-product-owner-to-product-manager ol.requires li .chip").len() >= 5);
    assert!(text(&needs[0]).contains("FAQ, answer on moving from PO to PM"), "{}", text(&needs[0]));
    // Managers' titles stand as the line the role reports to, and hedged pay says so.
    let pm = text(&select(&doc, "#role-product-manager")[0]);
    assert!(pm.contains("Reports to: VP of Product"), "{pm}");
    assert!(salaries.contains("about USD 106,723 a year"), "{salaries}");
}

#[test]
fn the_report_is_self_contained_and_prints() {
    let doc = report(&[]);
    assert!(select(&doc, "script").is_empty(), "no script");
    assert!(select(&doc, "link, img, iframe, object, embed").is_empty(), "no external assets");
    for a in select(&doc, "a[href]") {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with('#'), "only links within the page: {href}");
    }
    let loaders: Vec<String> = select(&doc, "[src], [style*='url(']").iter().map(|e| e.html()).collect();
    assert!(loaders.is_empty(), "loads something: {loaders:?}");
    let style = text(&select(&doc, "head style")[0]);
    assert!(style.contains("@media print"));
    assert!(!style.contains("url(") && !style.contains("@import"));
    // Every citation points at a source in the page.
    for a in select(&doc, "sup.cite a") {
        let target = &a.value().attr("href").unwrap()[1..];
        assert_eq!(select(&doc, &format!("li[id='{target}']")).len(), 1, "{target}");
    }
}

#[test]
fn an_assessment_adds_a_chart_with_its_reasons() {
    let sm = repo("examples/data/scrum-master.toml");
    let org = repo("examples/data/scrum-team-org.toml");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.html");
    let out = rolefit(&[
        "--catalog",
        sm.to_str().unwrap(),
        "report",
        "--assess",
        org.to_str().unwrap(),
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = Html::parse_document(&std::fs::read_to_string(&path).unwrap());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let section = select(&doc, "section#assessment");
    assert_eq!(section.len(), 1);
    assert!(text(&select(&doc, "#assessment h2")[0]).contains("Scrum team at a growing startup"));
    assert!(text(&select(&doc, "#assessment .verdict")[0]).starts_with("Verdict: "));
    assert_eq!(select(&doc, "#assessment svg rect").len(), 3, "a bar per role");
    let labels: Vec<String> = select(&doc, "#assessment svg text").iter().map(text).collect();
    for name in ["Product Owner", "Product Manager", "Scrum Master"] {
        assert!(labels.iter().any(|l| l == name), "{name} in {labels:?}");
    }
    let reasons: Vec<String> = select(&doc, "#assessment .reason h4").iter().map(text).collect();
    assert_eq!(reasons.len(), 3);
    assert!(select(&doc, "#assessment .reason td").iter().any(|td| text(td) == "answered yes"));
    // The assessment comes first, before the roles and the comparison.
    let order: Vec<String> =
        select(&doc, "main > section").iter().map(|s| s.value().attr("id").unwrap().to_owned()).collect();
    assert_eq!(&order[..3], ["assessment", "roles", "comparison"]);
}

#[test]
fn the_report_escapes_catalog_text() {
    let (_dir, overlay) = write_temp(
        "evil.toml",
        r#"
[[roles]]
id = "evil-role"
name = "<script>alert('x')</script> & Co"
summary = "A \"quoted\" <b>summary</b>."
description = "</td></tr></table><img src=x onerror=alert(1)>"
sources = ["scrum-guide-2020"]
"#,
    );
    let doc = report(&["--catalog", overlay.to_str().unwrap()]);
    assert!(select(&doc, "script, img, [onerror]").is_empty());
    let card = select(&doc, "#role-evil-role")[0];
    assert!(select(&doc, "#role-evil-role .summary *").is_empty(), "the summary holds text only");
    assert!(text(&card).contains("<script>alert('x')</script> & Co"));
    assert!(text(&card).contains("<img src=x onerror=alert(1)>"));
}

#[test]
fn a_locator_stands_next_to_its_source_link_and_in_show() {
    let (_dir, overlay) = write_temp(
        "located.toml",
        r#"
[[roles]]
id = "located-role"
name = "Located"
summary = "A role cited with a locator."
description = "Its citation names where in the source the fact stands."
sources = [{ source = "scrum-guide-2020", locator = "The Product Owner <section>" }, "safe"]
"#,
    );
    let doc = report(&["--catalog", overlay.to_str().unwrap()]);
    let cite = select(&doc, "#role-located-role sup.cite")[0];
    let links: Vec<String> = select(&doc, "#role-located-role sup.cite a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links, ["#src-scrum-guide-2020", "#src-safe"]);
    let locators: Vec<String> = select(&doc, "#role-located-role sup.cite .locator").iter().map(text).collect();
    assert_eq!(locators, ["The Product Owner <section>"], "escaped, and only where a citation has one");
    assert!(text(&cite).contains(" The Product Owner <section>, "), "{}", text(&cite));

    let out = rolefit(&["--catalog", overlay.to_str().unwrap(), "show", "located-role"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        shown.contains(
            "sources:\n  - The Scrum Guide: The Product Owner <section>\n  - Scaled Agile Framework (SAFe)\n"
        ),
        "{shown}"
    );
}

#[test]
fn the_report_replaces_its_output_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, "old").unwrap();
    let out = rolefit(&["report", "--output", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<!DOCTYPE html>"));
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["report.html"], "no temporary file left behind");
    // A directory that does not exist: an I/O error, nothing written.
    let out = rolefit(&["report", "--output", dir.path().join("no/such/report.html").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    // A bad assessment file: invalid input, the old page stays.
    let (_d, bad) = write_temp("org.toml", "products = 0\n");
    let out = rolefit(&["report", "--assess", bad.to_str().unwrap(), "--output", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("products: 0 products"));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_report_is_deterministic() {
    let a = rolefit(&["report", "--output", "-"]);
    let b = rolefit(&["report", "--output", "-"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

/// The schema.org property names `../shared/reference/anchors.md` lists for an `Occupation`
/// and the types it names (`DefinedTerm`, `CategoryCode`, `MonetaryAmountDistribution`).
const OCCUPATION: [&str; 6] =
    ["name", "description", "responsibilities", "skills", "occupationalCategory", "estimatedSalary"];

/// The ones every role in the canonical catalog has data for (the product owner has no
/// crosswalk code above low confidence, so no `occupationalCategory`).
const ALWAYS: [&str; 5] = ["name", "description", "responsibilities", "skills", "estimatedSalary"];

/// Generic schema.org properties the export uses besides those.
const THING: [&str; 4] = ["@type", "@id", "alternateName", "sameAs"];

fn jsonld(args: &[&str]) -> serde_json::Value {
    let out = rolefit(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_property_names_are_the_anchors_names() {
    let Ok(anchors) = std::fs::read_to_string(repo("../shared/reference/anchors.md")) else {
        return; // shared/ is beside the repository in development and CI, not in a bare clone
    };
    for name in OCCUPATION.iter().chain(&[
        "DefinedTerm",
        "termCode",
        "inDefinedTermSet",
        "CategoryCode",
        "MonetaryAmountDistribution",
        "currency",
        "duration",
        "median",
    ]) {
        assert!(anchors.contains(&format!("`{name}`")) || anchors.contains(name), "{name} is not in anchors.md");
    }
}

#[test]
fn export_jsonld_has_an_occupation_per_role_in_schema_org_terms() {
    let doc = jsonld(&["export", "--format", "jsonld"]);
    assert_eq!(doc["@context"], "https://schema.org");
    let graph = doc["@graph"].as_array().unwrap();
    let set = graph.iter().find(|n| n["@type"] == "DefinedTermSet").unwrap();
    let set_id = set["@id"].as_str().unwrap();
    assert_eq!(set["version"], rolefit::DATA_VERSION);
    let node = |reference: &serde_json::Value| {
        let found: Vec<&serde_json::Value> = graph.iter().filter(|n| n["@id"] == reference["@id"]).collect();
        assert_eq!(found.len(), 1, "{reference} is not one node of the graph");
        found[0]
    };
    let occupations: Vec<&serde_json::Value> = graph.iter().filter(|n| n["@type"] == "Occupation").collect();
    let names: Vec<&str> = occupations.iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Product Owner", "Product Manager"]);
    for o in &occupations {
        for key in o.as_object().unwrap().keys() {
            assert!(OCCUPATION.contains(&key.as_str()) || THING.contains(&key.as_str()), "unexpected property {key}");
        }
        for key in ALWAYS {
            assert!(o.get(key).is_some(), "{} has no {key}", o["name"]);
        }
        assert!(o["responsibilities"].as_array().unwrap().iter().all(serde_json::Value::is_string));
        for skill in o["skills"].as_array().unwrap() {
            assert_eq!(skill["@type"], "DefinedTerm");
            // A catalog skill in the catalog's set, or an SFIA skill level in SFIA's.
            let code = skill["termCode"].as_str().unwrap();
            if rolefit::canonical().skill(code).is_some() {
                assert_eq!(skill["inDefinedTermSet"]["@id"], set_id);
            } else {
                assert_eq!(node(&skill["inDefinedTermSet"])["name"], "SFIA 8", "{code}");
            }
        }
        for code in o.get("occupationalCategory").and_then(|c| c.as_array()).into_iter().flatten() {
            assert_eq!(code["@type"], "CategoryCode");
            assert!(code["codeValue"].is_string());
            // The set is a node of the graph, referred to by its id.
            assert_eq!(code["inCodeSet"].as_object().unwrap().len(), 1);
            let set = node(&code["inCodeSet"]);
            assert_eq!(set["@type"], "CategoryCodeSet");
            let set = set["name"].as_str().unwrap();
            assert!(set == "O*NET-SOC 2019" || set == "ISCO-08", "{set}");
        }
        for salary in o["estimatedSalary"].as_array().unwrap() {
            assert!(salary["@type"] == "MonetaryAmount" || salary["@type"] == "MonetaryAmountDistribution");
            assert_eq!(salary["currency"], "USD");
        }
    }
    let pm = occupations[1];
    let codes: Vec<&str> =
        pm["occupationalCategory"].as_array().unwrap().iter().map(|c| c["codeValue"].as_str().unwrap()).collect();
    assert!(codes.contains(&"11-2021.00") && codes.contains(&"1223"), "{codes:?}");
    assert_eq!(
        pm["sameAs"],
        serde_json::json!(["http://data.europa.eu/esco/occupation/9f508305-80ce-4111-8722-f2c9b4a44890"])
    );
    // The product owner has no O*NET or ISCO code above low confidence, and no ESCO occupation.
    assert!(occupations[0].get("occupationalCategory").is_none());
    assert!(occupations[0].get("sameAs").is_none());
    let spread = pm["estimatedSalary"].as_array().unwrap().iter().find(|s| s["value"]["minValue"].is_number()).unwrap();
    assert_eq!(
        spread["value"],
        serde_json::json!({"@type": "QuantitativeValue", "minValue": 80000.0, "maxValue": 205000.0, "unitText": "YEAR"})
    );
    // Deterministic.
    assert_eq!(doc, jsonld(&["export", "--format", "jsonld"]));
}

#[test]
fn export_refuses_a_base_iri_that_is_not_an_absolute_iri() {
    for (base, why) in [
        ("not an iri", "no scheme"),
        ("https://example.org/rf", r##"must end in "/", "#" or ":""##),
        ("https://example.org/a b/", "' ' at byte 21 is not allowed in an IRI"),
    ] {
        let out = rolefit(&["export", "--format", "jsonld", "--base-iri", base]);
        assert_eq!(out.status.code(), Some(2), "{base}");
        assert!(out.stdout.is_empty(), "{base}");
        let err = stderr(&out);
        assert!(
            err.contains("--base-iri") && err.contains(&format!("base IRI {base:?}")) && err.contains(why),
            "{err}"
        );
    }
}

#[test]
fn a_median_becomes_a_monetary_amount_distribution() {
    let (_dir, overlay) = write_temp(
        "median.toml",
        r#"
[[salaries]]
id = "po-median-example"
role = "product-owner"
currency = "EUR"
amount = { exact = 70000.0 }
statistic = "median"
covers = "base"
period = "year"
region = "Germany"
sources = ["scrum-guide-2020"]
"#,
    );
    let doc = jsonld(&[
        "--catalog",
        overlay.to_str().unwrap(),
        "export",
        "--format",
        "jsonld",
        "--base-iri",
        "https://example.org/rf/",
    ]);
    let po = &doc["@graph"][1];
    assert_eq!(po["@id"], "https://example.org/rf/roles/product-owner");
    let median =
        po["estimatedSalary"].as_array().unwrap().iter().find(|s| s["@type"] == "MonetaryAmountDistribution").unwrap();
    assert_eq!(
        median,
        &serde_json::json!({"@type": "MonetaryAmountDistribution", "name": "Median base pay, Germany", "currency": "EUR", "duration": "P1Y", "median": 70000.0})
    );
}

#[test]
fn the_assessed_profile_is_read_as_assess_reads_it() {
    // A bad profile gets the lines `rolefit assess` prints, naming file, field and value.
    let (_dir, bad) = write_temp("org.toml", "products = 0\n[answers]\nagile-scrm = \"yes\"\n");
    let bad = bad.to_str().unwrap();
    let from_report = rolefit(&["report", "--assess", bad, "--output", "-"]);
    let from_assess = rolefit(&["assess", bad]);
    assert_eq!(from_report.status.code(), Some(1));
    assert_eq!(stderr(&from_report), stderr(&from_assess));
    assert!(
        stderr(&from_report).contains("answers.agile-scrm: unknown signal \"agile-scrm\""),
        "{}",
        stderr(&from_report)
    );
    // And the global limits apply to it.
    let org = repo("examples/data/startup.toml");
    let out = rolefit(&["--max-input-bytes", "16", "report", "--assess", org.to_str().unwrap(), "--output", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the limit of 16 bytes (--max-input-bytes)"), "{}", stderr(&out));
}
