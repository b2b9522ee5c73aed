//! Two roles side by side: a table per aspect, then the career paths between them.

use super::words::{importance, ownership, role_name};
use super::{Document, Render, Table};
use crate::catalog::{Catalog, Comparison, Leaning};

/// The dimensions, responsibilities, KPIs and skills, a table each with whose each one is,
/// then each move between the two roles with what it takes.
///
/// ```
/// use rolefit_core::render::Render;
/// # let catalog = rolefit_core::Catalog::from_toml_str(r#"
/// #   [[sources]]
/// #   id = "guide"
/// #   title = "A guide"
/// #   publisher = "Example"
/// #   kind = "article"
/// #   [[roles]]
/// #   id = "po"
/// #   name = "Product Owner"
/// #   summary = "s"
/// #   description = "d"
/// #   sources = ["guide"]
/// #   [[roles]]
/// #   id = "pm"
/// #   name = "Product Manager"
/// #   summary = "s"
/// #   description = "d"
/// #   sources = ["guide"]
/// # "#)?;
/// let markdown = catalog.compare("po", "pm")?.render(&catalog).markdown().to_string();
/// assert!(markdown.starts_with("## Product Owner and Product Manager, aspect by aspect\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Comparison {
    fn render_into(&self, catalog: &Catalog, doc: &mut Document) {
        let (a, b) = (role_name(catalog, &self.first), role_name(catalog, &self.second));
        let (a, b) = (a.as_str(), b.as_str());
        let whose = |l: Leaning| match l {
            Leaning::Shared => "shared".to_owned(),
            Leaning::First => a.to_owned(),
            Leaning::Second => b.to_owned(),
            Leaning::Neither => "neither".to_owned(),
        };
        let mut dims = Table::new(&["aspect", a, b]);
        for d in &self.dimensions {
            let v = |x: &Option<crate::model::Text>| x.as_deref().unwrap_or("-").to_owned();
            dims.row(vec![d.name.to_string(), v(&d.first), v(&d.second)]);
        }
        let mut resp = Table::new(&["responsibility", a, b, "whose"]);
        for r in &self.responsibilities {
            resp.row(vec![r.name.to_string(), ownership(r.first).into(), ownership(r.second).into(), whose(r.leaning)]);
        }
        let mut kpis = Table::new(&["kpi", "whose"]);
        for k in &self.kpis {
            kpis.row(vec![k.name.to_string(), whose(k.leaning)]);
        }
        let mut skills = Table::new(&["skill", a, b, "whose"]);
        for s in &self.skills {
            skills.row(vec![
                s.name.to_string(),
                importance(s.first).into(),
                importance(s.second).into(),
                whose(s.leaning),
            ]);
        }
        let sections = [
            (format!("{a} and {b}, aspect by aspect"), &dims),
            ("Responsibilities".to_owned(), &resp),
            ("KPIs".to_owned(), &kpis),
            ("Skills".to_owned(), &skills),
        ];
        for (i, (title, table)) in sections.iter().enumerate() {
            if i > 0 {
                doc.blank();
            }
            doc.heading(title);
            doc.table(table);
        }
        career_paths(doc, self, a, b);
    }
}

/// Each move between the two roles with what it takes; the section is left out when the
/// catalog records none.
fn career_paths(doc: &mut Document, cmp: &Comparison, a: &str, b: &str) {
    if cmp.career_paths.is_empty() {
        return;
    }
    let name = |id: &crate::Id| if *id == cmp.first { a } else { b };
    doc.blank();
    doc.heading("Career paths");
    for path in &cmp.career_paths {
        doc.line(&format!("{} -> {} ({}): {}", name(&path.from), name(&path.to), path.career_path, path.summary));
        doc.line("It takes:");
        for need in &path.requires {
            doc.line(&format!("- {need}"));
        }
    }
}
