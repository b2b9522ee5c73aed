//! Reading documents: the canonical catalog as a user's JSON and TOML file would hold it,
//! through the strict reader (limits scan, objects only, keys written twice refused,
//! errors in the document's words).
//!
//! `cargo bench --bench reading`. Each closure asserts on its result so the work cannot
//! be optimised away or silently go wrong.

#![allow(clippy::expect_used)] // a benchmark fails by panicking

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rolefit::{CatalogData, Format};

fn reading(c: &mut Criterion) {
    let json = include_str!("../docs/data/catalog.json");
    let toml = toml::to_string(rolefit::canonical().data()).expect("the canonical catalog is TOML too");
    let mut group = c.benchmark_group("reading");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("catalog_json", |b| {
        b.iter(|| {
            let data: CatalogData = Format::Json.parse(black_box(json)).expect("the export reads");
            assert!(!data.roles.is_empty());
        })
    });
    group.throughput(Throughput::Bytes(toml.len() as u64));
    group.bench_function("catalog_toml", |b| {
        b.iter(|| {
            let data: CatalogData = Format::Toml.parse(black_box(&toml)).expect("the TOML reads");
            assert!(!data.roles.is_empty());
        })
    });
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
