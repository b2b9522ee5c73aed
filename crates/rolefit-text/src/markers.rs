//! Recognition rules that are not facts about the two roles: where company boilerplate
//! starts, and the titles of adjacent roles.
//!
//! These lists are about how job ads are written, not about what a Product Owner or
//! Product Manager does, so they live here rather than in the catalog. They are short
//! and general on purpose; replace them with [`Markers`] of your own (it is
//! serializable) if your postings follow other conventions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Phrases that mark boilerplate, and the titles of roles adjacent to the catalog's.
///
/// Phrases are matched like lexicon phrases (ignoring case, plurals, hyphens and runs of
/// whitespace, on word boundaries).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Markers {
    /// Heading openings that start a boilerplate section, which runs to the next heading:
    /// about the company, benefits, how to apply. They count only as the first words of
    /// a line that reads as a heading (`## About us`, `**Benefits**`, `What we offer:`).
    pub boilerplate_headings: Vec<String>,
    /// Heading openings that start a section about the job itself even though they begin
    /// like a boilerplate heading (`About the role` against `About <company>`).
    pub job_headings: Vec<String>,
    /// Phrases that make the sentence they are in boilerplate wherever it stands:
    /// equal-opportunity statements, company facts, application instructions.
    pub boilerplate_phrases: Vec<String>,
    /// Roles next to the catalog's that postings are often for instead.
    pub adjacent_roles: Vec<AdjacentRole>,
    /// Words that, just before a role title (or before a determiner before it), make
    /// the title name a colleague rather than the job: "work *with* product managers",
    /// "reporting *to the* Head of Product", "*other* Product Owners".
    pub colleague_cues: Vec<String>,
    /// Determiners that may stand between a colleague cue and the title.
    pub determiners: Vec<String>,
}

/// A role adjacent to the catalog's roles, recognised by its titles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdjacentRole {
    /// Stable id, kebab-case (`scrum-master`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Titles and credentials that name the role in a posting.
    pub titles: Vec<String>,
    /// Count the titles only in a posting's first line, when it reads as a job title and
    /// names no catalog or other adjacent role: for generic job nouns ("engineer",
    /// "designer") that product postings use all the time for colleagues.
    #[serde(default)]
    pub title_line_only: bool,
}

impl AdjacentRole {
    /// An adjacent role with its titles.
    pub fn new(id: impl Into<String>, name: impl Into<String>, titles: &[&str]) -> Self {
        Self { id: id.into(), name: name.into(), titles: owned(titles), title_line_only: false }
    }

    /// The same role, recognised only in a posting's title line.
    pub fn in_title_line_only(mut self) -> Self {
        self.title_line_only = true;
        self
    }
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

const BOILERPLATE_HEADINGS: &[&str] = &[
    "about",
    "about us",
    "about the company",
    "about our company",
    "who we are",
    "who are we",
    "our company",
    "the company",
    "company",
    "company overview",
    "company description",
    "our story",
    "our mission",
    "our values",
    "our culture",
    "culture",
    "life at",
    "why",
    "what makes",
    "what we offer",
    "we offer",
    "our offer",
    "what you get",
    "what's in it for you",
    "benefits",
    "perks",
    "compensation",
    "salary",
    "equal opportunity",
    "equal employment opportunity",
    "diversity",
    "inclusion",
    "our commitment",
    "how to apply",
    "to apply",
    "application process",
    "hiring process",
    "interview process",
    "next steps",
    "interested",
    "apply",
    "location",
    "locations",
    "disclaimer",
    "privacy",
    "note to recruiters",
];

const JOB_HEADINGS: &[&str] = &[
    "about you",
    "about yourself",
    "about the role",
    "about this role",
    "about your role",
    "about the job",
    "about this job",
    "about the position",
    "about this position",
    "about the opportunity",
    "about this opportunity",
    "about the team",
    "about this team",
    "about the department",
    "about the work",
    "about the product",
    "why this role",
    "why this job",
];

const BOILERPLATE_PHRASES: &[&str] = &[
    // Equal opportunity and accommodation.
    "equal opportunity",
    "equal employment opportunity",
    "affirmative action",
    "without regard to",
    "regardless of race",
    "regardless of their",
    "sexual orientation",
    "gender identity",
    "national origin",
    "protected veteran",
    "veteran status",
    "reasonable accommodation",
    "discriminate",
    "discrimination",
    "diversity and inclusion",
    "diversity equity and inclusion",
    "diverse and inclusive",
    "inclusive workplace",
    "all qualified applicants",
    "e-verify",
    "background check",
    "export control",
    "privacy notice",
    "privacy policy",
    "recruitment agencies",
    "unsolicited resumes",
    // Company facts.
    "founded in",
    "was founded",
    "headquartered",
    "is a leading",
    "is the leading",
    "one of the leading",
    "leading provider",
    "offices in",
    "backed by",
    // Benefits.
    "competitive salary",
    "competitive compensation",
    "health insurance",
    "paid time off",
    "parental leave",
    "stock options",
    "equity package",
    "flexible working hours",
    "work-life balance",
    "team events",
    // Applying.
    "send your application",
    "send us your",
    "apply now",
    "click to apply",
    "look forward to hearing from you",
    "look forward to your application",
];

const COLLEAGUE_CUES: &[&str] = &["with", "to", "other", "alongside", "into", "support", "between", "among", "from"];

const DETERMINERS: &[&str] = &["the", "a", "an", "our", "your", "their", "other", "fellow"];

impl Markers {
    /// No markers at all: nothing is boilerplate, no adjacent role is recognised, every
    /// title counts as naming the job.
    pub fn none() -> Self {
        Self {
            boilerplate_headings: Vec::new(),
            job_headings: Vec::new(),
            boilerplate_phrases: Vec::new(),
            adjacent_roles: Vec::new(),
            colleague_cues: Vec::new(),
            determiners: Vec::new(),
        }
    }

    /// The built-in adjacent roles: project manager, program manager, scrum master and
    /// business analyst, plus other jobs (engineer, designer, analyst, ...) named in a
    /// posting's title line.
    pub fn default_adjacent_roles() -> Vec<AdjacentRole> {
        vec![
            AdjacentRole::new(
                "project-manager",
                "Project Manager",
                &[
                    "project manager",
                    "technical project manager",
                    "it project manager",
                    "project coordinator",
                    "project lead",
                    "project management professional",
                    "pmp",
                    "prince2",
                ],
            ),
            AdjacentRole::new(
                "program-manager",
                "Program Manager",
                &[
                    "program manager",
                    "programme manager",
                    "technical program manager",
                    "tpm",
                    "director of programs",
                    "program director",
                    "programme director",
                ],
            ),
            AdjacentRole::new(
                "scrum-master",
                "Scrum Master",
                &[
                    "scrum master",
                    "certified scrum master",
                    "professional scrum master",
                    "csm",
                    "psm",
                    "agile coach",
                    "release train engineer",
                ],
            ),
            AdjacentRole::new(
                "business-analyst",
                "Business Analyst",
                &[
                    "business analyst",
                    "business systems analyst",
                    "systems analyst",
                    "requirements analyst",
                    "it business analyst",
                    "technical business analyst",
                    "cbap",
                ],
            ),
            AdjacentRole::new(
                "other-job",
                "Another job",
                &[
                    "engineer",
                    "developer",
                    "designer",
                    "analyst",
                    "scientist",
                    "architect",
                    "consultant",
                    "specialist",
                    "administrator",
                    "accountant",
                    "recruiter",
                    "researcher",
                    "technician",
                    "marketing manager",
                    "sales manager",
                    "account manager",
                    "account executive",
                    "engineering manager",
                    "customer success manager",
                ],
            )
            .in_title_line_only(),
        ]
    }
}

impl Default for Markers {
    /// The built-in markers.
    fn default() -> Self {
        Self {
            boilerplate_headings: owned(BOILERPLATE_HEADINGS),
            job_headings: owned(JOB_HEADINGS),
            boilerplate_phrases: owned(BOILERPLATE_PHRASES),
            adjacent_roles: Self::default_adjacent_roles(),
            colleague_cues: owned(COLLEAGUE_CUES),
            determiners: owned(DETERMINERS),
        }
    }
}
