//! Canonical catalog access and role comparison.
//!
//! `cargo bench --bench catalog`. Each closure asserts on its result so the work
//! cannot be optimised away or silently go wrong.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn catalog(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalog");
    group.bench_function("canonical", |b| {
        b.iter(|| {
            let catalog = black_box(rolefit::canonical());
            assert!(!catalog.roles().is_empty());
        })
    });
    group.bench_function("role_by_id", |b| {
        let catalog = rolefit::canonical();
        b.iter(|| {
            let role = catalog.role(black_box("product-owner"));
            assert!(role.is_some());
        })
    });
    group.bench_function("fact_by_id_miss", |b| {
        let catalog = rolefit::canonical();
        b.iter(|| assert!(catalog.record(black_box("no-such-fact")).is_none()))
    });
    group.bench_function("compare", |b| {
        let catalog = rolefit::canonical();
        b.iter(|| {
            let cmp = catalog.compare(black_box("product-owner"), black_box("product-manager"));
            assert!(cmp.is_ok_and(|c| !c.responsibilities.is_empty()));
        })
    });
    group.bench_function("validate_canonical", |b| {
        let data = rolefit::canonical().data().clone();
        b.iter(|| assert!(rolefit::Catalog::new(black_box(data.clone())).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, catalog);
criterion_main!(benches);
