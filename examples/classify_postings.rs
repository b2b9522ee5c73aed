//! How a job board might embed rolefit: tag each incoming posting as a Product Owner,
//! Product Manager or hybrid job, show the reasons, and leave other jobs untagged.
//!
//! Run with `cargo run --example classify_postings`. The postings are made up.

use rolefit_text::{Classification, Classifier};

/// A posting as the job board stores it.
struct Posting {
    id: u32,
    title: &'static str,
    body: &'static str,
}

const POSTINGS: &[Posting] = &[
    Posting {
        id: 101,
        title: "Product Owner, Payments",
        body: "We are looking for a Product Owner for our payments team.\n\n\
               You will own the product backlog, write user stories with acceptance criteria,\n\
               run sprint planning with the development team and accept completed work.\n\n\
               ## Benefits\n\nA market research budget, a product strategy offsite and free lunch.",
    },
    Posting {
        id: 102,
        title: "Senior Product Manager, Growth",
        body: "As a Senior Product Manager you set the product vision and strategy for growth.\n\
               You run market research and competitive analysis, own pricing and the go-to-market\n\
               plan, and answer for revenue and customer retention.",
    },
    Posting {
        id: 103,
        title: "Product Manager / Product Owner",
        body: "Product Manager / Product Owner for a young team: define the product strategy and\n\
               roadmap, and refine the product backlog and user stories with the engineers.",
    },
    Posting {
        id: 104,
        title: "Scrum Master",
        body: "Our Scrum Master coaches two teams, facilitates sprint planning and retrospectives,\n\
               and supports the Product Owner. A Certified Scrum Master (CSM) is required.",
    },
];

/// The tag a job board would show next to the title.
fn tag(c: &Classification) -> String {
    match c.verdict.as_str() {
        "product-owner" => "Product Owner".to_owned(),
        "product-manager" => "Product Manager".to_owned(),
        "both" => "Hybrid PO/PM".to_owned(),
        _ => match &c.adjacent_role {
            Some(role) => format!("not a product role ({role})"),
            None => "untagged".to_owned(),
        },
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Build once at start-up (it compiles the catalog's phrases), then share it.
    let classifier = Classifier::new(rolefit::canonical())?;

    // A nightly re-index classifies everything at once on all cores, in input order.
    let bodies: Vec<&str> = POSTINGS.iter().map(|p| p.body).collect();
    let results = classifier.classify_batch(&bodies);

    for (posting, result) in POSTINGS.iter().zip(results) {
        let c = result?;
        println!("#{} {:<34} -> {}", posting.id, posting.title, tag(&c));
        for s in &c.scores {
            println!("     {:<16} {:.2}", s.role.as_str(), s.score);
        }
        // The reasons, with the exact words of the posting (byte spans into the body).
        let reasons: Vec<String> =
            c.evidence.iter().take(5).map(|e| format!("{:?} ({})", &posting.body[e.start..e.end], e.fact)).collect();
        println!("     because: {}", reasons.join(", "));
        if c.ignored > 0 {
            println!("     ({} phrases in boilerplate ignored)", c.ignored);
        }
    }

    // A single posting as it arrives, e.g. in a request handler.
    let live = classifier.classify("Hiring: Technical Product Owner to own the backlog and sprint goals.")?;
    println!("live posting -> {}", tag(&live));
    Ok(())
}
