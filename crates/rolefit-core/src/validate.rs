//! The rules every catalog obeys, checked all at once.

use std::collections::{HashMap, HashSet};

use crate::Id;
use crate::catalog::{FactKind, FactRef, fact_ids};
use crate::catalog_data::CatalogData;
use crate::error::Problem;
use crate::model::citation::locator_problem;
use crate::model::{Amount, Citation, Text};

/// Ids no role may have, because a scorecard's verdict uses them beside role ids.
pub const RESERVED_ROLE_IDS: &[&str] = &["both", "undetermined"];

/// The longest text a catalog field may hold, in bytes.
pub const TEXT_MAX_LEN: usize = 10_000;

/// Every problem with a document, in document order; empty when it is a valid catalog.
pub(crate) fn problems(data: &CatalogData) -> Vec<Problem> {
    let mut v = Validator::new(data);
    v.check_ids();
    v.check_records();
    v.problems
}

struct Validator<'a> {
    data: &'a CatalogData,
    /// First place each id appears.
    ids: HashMap<&'a str, FactRef>,
    problems: Vec<Problem>,
}

impl<'a> Validator<'a> {
    fn new(data: &'a CatalogData) -> Self {
        Self { data, ids: HashMap::new(), problems: Vec::new() }
    }

    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn check_ids(&mut self) {
        for (id, at) in fact_ids(self.data) {
            let path = format!("{}.id", place(at));
            if let Err(e) = id.check() {
                self.report(path, e.to_string());
                continue;
            }
            if at.kind == FactKind::Role && RESERVED_ROLE_IDS.contains(&id.as_str()) {
                self.report(path.clone(), format!("{id:?} is reserved: a verdict uses it to name no single role"));
            }
            match self.ids.get(id.as_str()) {
                Some(first) => {
                    let first = place(*first);
                    self.report(path, format!("duplicate id {id:?}, first used at {first}"));
                }
                None => {
                    self.ids.insert(id.as_str(), at);
                }
            }
        }
    }

    fn kind_of(&self, id: &str) -> Option<FactKind> {
        self.ids.get(id).map(|r| r.kind)
    }

    fn text(&mut self, path: impl FnOnce() -> String, text: &str) {
        if text.trim().is_empty() {
            self.report(path(), "empty text");
        } else if text.len() > TEXT_MAX_LEN {
            self.report(path(), format!("text is {} bytes, longer than {TEXT_MAX_LEN}", text.len()));
        }
    }

    fn optional_text(&mut self, path: impl FnOnce() -> String, text: &Option<Text>) {
        if let Some(t) = text {
            self.text(path, t);
        }
    }

    fn reference(&mut self, path: String, id: &Id, want: FactKind) {
        match self.kind_of(id.as_str()) {
            Some(kind) if kind == want => {}
            Some(kind) => self.report(path, format!("{id:?} is a {}, not a {}", kind.noun(), want.noun())),
            None => self.report(path, format!("unknown {} {id:?}", want.noun())),
        }
    }

    fn role(&mut self, path: String, id: &Id) {
        self.reference(path, id, FactKind::Role);
    }

    fn sources(&mut self, path: &str, sources: &[Citation]) {
        if sources.is_empty() {
            self.report(format!("{path}.sources"), "no source cited; every fact needs at least one");
        }
        for (i, c) in sources.iter().enumerate() {
            self.citation(format!("{path}.sources[{i}]"), c);
        }
    }

    fn citation(&mut self, path: String, c: &Citation) {
        if let Some(locator) = &c.locator
            && let Some(problem) = locator_problem(locator)
        {
            self.report(format!("{path}.locator"), problem);
        }
        // The citation's own path, whichever way it was written (a bare id or a table).
        self.reference(path, &c.source, FactKind::Source);
    }

    fn weight(&mut self, path: String, w: f64) {
        if !w.is_finite() {
            self.report(path, format!("weight {w} is not a finite number"));
        } else if !(0.0..=1.0).contains(&w) {
            self.report(path, format!("weight {w} is outside [0, 1]"));
        }
    }

    /// Reports a role listed twice in one per-role table.
    fn distinct_roles<'r>(&mut self, path: &str, field: &str, roles: impl Iterator<Item = &'r Id>) {
        let mut seen = HashSet::new();
        for (i, role) in roles.enumerate() {
            if !seen.insert(role.as_str()) {
                self.report(format!("{path}.{field}[{i}].role"), format!("role {role:?} is listed twice"));
            }
        }
    }

    fn check_records(&mut self) {
        let d = self.data;
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            self.text(|| format!("{p}.title"), &s.title);
            self.text(|| format!("{p}.publisher"), &s.publisher);
            self.optional_text(|| format!("{p}.url"), &s.url);
            self.optional_text(|| format!("{p}.edition"), &s.edition);
            self.optional_text(|| format!("{p}.note"), &s.note);
            for (j, c) in s.cites.iter().enumerate() {
                self.reference(format!("{p}.cites[{j}]"), c, FactKind::Source);
            }
        }
        for (i, r) in d.roles.iter().enumerate() {
            let p = format!("roles[{i}]");
            self.text(|| format!("{p}.name"), &r.name);
            self.text(|| format!("{p}.summary"), &r.summary);
            self.text(|| format!("{p}.description"), &r.description);
            for (j, a) in r.aliases.iter().enumerate() {
                self.text(|| format!("{p}.aliases[{j}]"), a);
            }
            for (j, c) in r.crosswalk.iter().enumerate() {
                let cp = format!("{p}.crosswalk[{j}]");
                self.optional_text(|| format!("{cp}.code"), &c.code);
                self.optional_text(|| format!("{cp}.label"), &c.label);
                self.optional_text(|| format!("{cp}.uri"), &c.uri);
                self.text(|| format!("{cp}.reason"), &c.reason);
                self.sources(&cp, &c.sources);
            }
            self.sources(&p, &r.sources);
        }
        for (i, r) in d.responsibilities.iter().enumerate() {
            let p = format!("responsibilities[{i}]");
            self.text(|| format!("{p}.name"), &r.name);
            self.text(|| format!("{p}.description"), &r.description);
            if r.ownership.is_empty() {
                self.report(format!("{p}.ownership"), "no role listed");
            }
            for (j, o) in r.ownership.iter().enumerate() {
                self.role(format!("{p}.ownership[{j}].role"), &o.role);
            }
            self.distinct_roles(&p, "ownership", r.ownership.iter().map(|o| &o.role));
            self.sources(&p, &r.sources);
        }
        for (i, k) in d.kpis.iter().enumerate() {
            let p = format!("kpis[{i}]");
            self.text(|| format!("{p}.name"), &k.name);
            self.text(|| format!("{p}.definition"), &k.definition);
            if k.roles.is_empty() {
                self.report(format!("{p}.roles"), "no role listed");
            }
            for (j, role) in k.roles.iter().enumerate() {
                self.role(format!("{p}.roles[{j}]"), role);
            }
            self.sources(&p, &k.sources);
        }
        for (i, s) in d.skills.iter().enumerate() {
            let p = format!("skills[{i}]");
            self.text(|| format!("{p}.name"), &s.name);
            self.text(|| format!("{p}.description"), &s.description);
            if s.importance.is_empty() {
                self.report(format!("{p}.importance"), "no role listed");
            }
            for (j, imp) in s.importance.iter().enumerate() {
                self.role(format!("{p}.importance[{j}].role"), &imp.role);
            }
            self.distinct_roles(&p, "importance", s.importance.iter().map(|o| &o.role));
            self.sources(&p, &s.sources);
        }
        for (i, dim) in d.dimensions.iter().enumerate() {
            let p = format!("dimensions[{i}]");
            self.text(|| format!("{p}.name"), &dim.name);
            self.text(|| format!("{p}.description"), &dim.description);
            if dim.values.is_empty() {
                self.report(format!("{p}.values"), "no role listed");
            }
            for (j, v) in dim.values.iter().enumerate() {
                let vp = format!("{p}.values[{j}]");
                self.role(format!("{vp}.role"), &v.role);
                self.text(|| format!("{vp}.value"), &v.value);
                if let Some(h) = v.horizon
                    && let Some(longest) = h.longest
                    && longest.days() < h.shortest.days()
                {
                    self.report(format!("{vp}.horizon"), "longest is shorter than shortest");
                }
                self.sources(&vp, &v.sources);
            }
            self.distinct_roles(&p, "values", dim.values.iter().map(|v| &v.role));
        }
        for (i, s) in d.salaries.iter().enumerate() {
            let p = format!("salaries[{i}]");
            self.role(format!("{p}.role"), &s.role);
            if !(s.currency.len() == 3 && s.currency.bytes().all(|b| b.is_ascii_uppercase())) {
                self.report(
                    format!("{p}.currency"),
                    format!("{:?} is not an ISO 4217 code such as \"USD\"", s.currency),
                );
            }
            match s.amount {
                Amount::Exact(x) => self.amount(format!("{p}.amount.exact"), x),
                Amount::Range { low, high } => {
                    self.amount(format!("{p}.amount.range.low"), low);
                    self.amount(format!("{p}.amount.range.high"), high);
                    if low > high {
                        self.report(format!("{p}.amount.range"), format!("low {low} is above high {high}"));
                    }
                }
            }
            self.optional_text(|| format!("{p}.region"), &s.region);
            self.optional_text(|| format!("{p}.as_of"), &s.as_of);
            self.optional_text(|| format!("{p}.note"), &s.note);
            self.sources(&p, &s.sources);
        }
        for (i, s) in d.signals.iter().enumerate() {
            let p = format!("signals[{i}]");
            self.text(|| format!("{p}.name"), &s.name);
            self.text(|| format!("{p}.question"), &s.question);
            self.text(|| format!("{p}.description"), &s.description);
            for (j, lean) in s.leans.iter().enumerate() {
                self.role(format!("{p}.leans[{j}].role"), &lean.role);
                self.weight(format!("{p}.leans[{j}].weight"), lean.weight);
            }
            self.distinct_roles(&p, "leans", s.leans.iter().map(|l| &l.role));
            if s.leans.is_empty() && s.staffing.is_none() {
                self.report(
                    format!("{p}.leans"),
                    "the signal neither leans to a role nor says anything about staffing",
                );
            }
            self.sources(&p, &s.sources);
        }
        for (i, pr) in d.practices.iter().enumerate() {
            let p = format!("practices[{i}]");
            self.text(|| format!("{p}.name"), &pr.name);
            self.text(|| format!("{p}.description"), &pr.description);
            self.sources(&p, &pr.sources);
        }
        for (i, dis) in d.disagreements.iter().enumerate() {
            let p = format!("disagreements[{i}]");
            self.text(|| format!("{p}.topic"), &dis.topic);
            self.text(|| format!("{p}.description"), &dis.description);
            for (j, a) in dis.affects.iter().enumerate() {
                if self.kind_of(a.as_str()).is_none() {
                    self.report(format!("{p}.affects[{j}]"), format!("unknown record {a:?}"));
                }
            }
            if dis.positions.len() < 2 {
                self.report(format!("{p}.positions"), "a disagreement needs at least two positions");
            }
            for (j, pos) in dis.positions.iter().enumerate() {
                let pp = format!("{p}.positions[{j}]");
                self.text(|| format!("{pp}.claim"), &pos.claim);
                self.sources(&pp, &pos.sources);
            }
        }
        for (i, e) in d.lexicon.iter().enumerate() {
            let p = format!("lexicon[{i}]");
            match self.kind_of(e.fact.as_str()) {
                Some(
                    FactKind::Role | FactKind::Responsibility | FactKind::Kpi | FactKind::Skill | FactKind::Signal,
                ) => {}
                Some(kind) => self.report(
                    format!("{p}.fact"),
                    format!(
                        "{:?} is a {}; phrases can point at a role, responsibility, kpi, skill or signal",
                        e.fact,
                        kind.noun()
                    ),
                ),
                None => self.report(format!("{p}.fact"), format!("unknown fact {:?}", e.fact)),
            }
            if e.phrases.is_empty() {
                self.report(format!("{p}.phrases"), "no phrase listed");
            }
            for (j, phrase) in e.phrases.iter().enumerate() {
                self.text(|| format!("{p}.phrases[{j}]"), phrase);
            }
        }
        if d.overlay.is_some() {
            self.report(
                "overlay",
                "this document is an overlay; apply it to a base catalog (Catalog::builder, or rolefit --catalog)",
            );
        }
        if d.extend.is_some() {
            self.report(
                "extend",
                "extend rows attach to a base catalog's records; apply this document as an overlay \
                 (Catalog::builder, or rolefit --catalog)",
            );
        }
        if let Some(v) = &d.data_version
            && !is_semver(v)
        {
            self.report("data_version", format!("{v:?} is not a semantic version such as \"1.2.0\""));
        }
    }

    fn amount(&mut self, path: String, x: f64) {
        if !x.is_finite() {
            self.report(path, format!("amount {x} is not a finite number"));
        } else if x <= 0.0 {
            self.report(path, format!("amount {x} is not positive"));
        }
    }
}

/// Where a record is, as a path: `skills[4]`.
fn place(r: FactRef) -> String {
    format!("{}[{}]", r.kind.list_name(), r.index)
}

/// `MAJOR.MINOR.PATCH`, each a number without leading zeros, with an optional `-pre` tag.
fn is_semver(v: &str) -> bool {
    let core = v.split_once('-').map_or(v, |(core, pre)| if pre.is_empty() { "" } else { core });
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
}
