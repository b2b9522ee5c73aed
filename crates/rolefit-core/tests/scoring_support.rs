//! A tiny hand-made catalog with three roles, so the scoring tests do not depend on the
//! canonical data and the role set is not two.

use rolefit_core::catalog::*;
use rolefit_core::evidence::*;
use rolefit_core::model::*;
use rolefit_core::scoring::*;

pub const TINY: &str = r#"
[[sources]]
id = "notes"
title = "Team notes"
publisher = "Us"
kind = "article"

[[roles]]
id = "product-owner"
name = "Product Owner"
summary = "s"
description = "d"
sources = ["notes"]

[[roles]]
id = "product-manager"
name = "Product Manager"
summary = "s"
description = "d"
sources = ["notes"]

[[roles]]
id = "delivery-lead"
name = "Delivery Lead"
summary = "s"
description = "d"
sources = ["notes"]

[[responsibilities]]
id = "order-backlog"
name = "Order the backlog"
description = "d"
category = "backlog"
ownership = [{ role = "product-owner", level = "owns" }, { role = "product-manager", level = "contributes" }]
sources = ["notes"]

[[responsibilities]]
id = "set-vision"
name = "Set the vision"
description = "d"
category = "strategy"
ownership = [{ role = "product-manager", level = "owns" }, { role = "product-owner", level = "shares" }]
sources = ["notes"]

[[responsibilities]]
id = "run-releases"
name = "Run releases"
description = "d"
category = "delivery"
ownership = [{ role = "delivery-lead", level = "owns" }]
sources = ["notes"]

[[kpis]]
id = "velocity"
name = "Velocity"
definition = "d"
unit = "points-per-sprint"
direction = "higher-is-better"
cadence = "per-sprint"
roles = ["product-owner", "delivery-lead"]
sources = ["notes"]

[[skills]]
id = "prioritising"
name = "Prioritising"
description = "d"
kind = "skill"
domain = "organisational"
importance = [{ role = "product-owner", level = "essential" }, { role = "product-manager", level = "important" }]
sources = ["notes"]

[[skills]]
id = "market-analysis"
name = "Market analysis"
description = "d"
kind = "skill"
domain = "analytical"
importance = [{ role = "product-manager", level = "essential" }, { role = "product-owner", level = "helpful" }]
sources = ["notes"]

[[skills]]
id = "release-planning"
name = "Release planning"
description = "d"
kind = "skill"
domain = "organisational"
importance = [{ role = "delivery-lead", level = "essential" }]
sources = ["notes"]

[[signals]]
id = "scrum"
name = "Scrum"
question = "Scrum?"
description = "d"
category = "methodology"
leans = [{ role = "product-owner", weight = 0.8 }]
sources = ["notes"]

[[signals]]
id = "strategy-missing"
name = "Strategy missing"
question = "Strategy missing?"
description = "d"
category = "capability"
leans = [{ role = "product-manager", weight = 0.9 }]
sources = ["notes"]

[[signals]]
id = "small-company"
name = "Small company"
question = "Small?"
description = "d"
category = "stage"
leans = [{ role = "product-manager", weight = 0.3 }, { role = "product-owner", weight = 0.2 }]
staffing = "one-person"
sources = ["notes"]

[[signals]]
id = "big-company"
name = "Big company"
question = "Big?"
description = "d"
category = "stage"
leans = [{ role = "product-manager", weight = 0.5 }, { role = "product-owner", weight = 0.5 }]
staffing = "separate-people"
sources = ["notes"]
"#;

pub fn tiny() -> Catalog {
    Catalog::from_toml_str(TINY).expect("the tiny catalog is valid")
}

/// Every fact of a catalog that leans to some role.
// rolefit-data's scoring laws use it; they include this file.
#[allow(dead_code)]
pub fn leaning_facts(catalog: &Catalog) -> Vec<RecordRef> {
    let table = LeanTable::new(catalog);
    catalog.ids().map(|(_, f)| f).filter(|f| table.lean(*f).is_some()).collect()
}

pub fn yes() -> Origin {
    Origin::Answer { answer: Answer::Yes }
}

pub fn item(catalog: &Catalog, id: &str, strength: f64) -> EvidenceItem {
    EvidenceItem { record: catalog.locate(id).expect("fact in catalog"), strength, origin: yes() }
}
