//! Search per keystroke across 100,000 initiatives, in simplified and in traditional
//! characters.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::search::SearchIndex;
use huimou::{Report, document::load};

/// The generated report with its titles, texts and labels in traditional characters.
fn traditional(report: &Report) -> Report {
    let mut report = report.clone();
    for initiative in report.chapters.iter_mut().flat_map(|c| &mut c.initiatives) {
        initiative.title = hanconv::s2t(&initiative.title);
        initiative.text = hanconv::s2t(&initiative.text);
        for figure in &mut initiative.figures {
            figure.label = hanconv::s2t(&figure.label);
        }
    }
    report
}

/// With `HUIMOU_BENCH_CPU=1` (Linux), the searches and index builds are also timed by the CPU
/// time they take across all threads, printed as `CPU …` lines: on a machine shared with other
/// work, wall-clock times vary several-fold from run to run, CPU times much less.
#[cfg(target_os = "linux")]
mod cpu {
    use super::{Report, SearchIndex};

    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }

    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }

    /// CPU time of the whole process (every thread), in seconds.
    fn seconds() -> f64 {
        const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
        let mut time = Timespec { sec: 0, nsec: 0 };
        // SAFETY: `time` is a valid, writable timespec for the call's duration.
        unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut time) };
        time.sec as f64 + time.nsec as f64 * 1e-9
    }

    /// Milliseconds of CPU and of wall-clock time per call of `f`, over `runs` calls.
    fn time(runs: u32, mut f: impl FnMut()) -> (f64, f64) {
        let start = seconds();
        let wall = std::time::Instant::now();
        for _ in 0..runs {
            f();
        }
        let runs = f64::from(runs);
        (
            (seconds() - start) / runs * 1e3,
            wall.elapsed().as_secs_f64() / runs * 1e3,
        )
    }

    pub fn searches(name: &str, index: &SearchIndex, queries: &[&str]) {
        for query in queries {
            let found = index.search(query, None).len();
            time(3, || drop(std::hint::black_box(index.search(query, None))));
            let (cpu, wall) = time(40, || drop(std::hint::black_box(index.search(query, None))));
            eprintln!("CPU {name}/{query}: {cpu:.2} ms cpu, {wall:.2} ms wall, {found} found");
        }
    }

    /// Building the index, its pinyin included (a pinyin query waits for it).
    pub fn build(name: &str, report: &Report) {
        let (cpu, wall) = time(4, || {
            drop(std::hint::black_box(
                SearchIndex::new(report).search("zzzz", None),
            ))
        });
        eprintln!("CPU index/{name}: {cpu:.0} ms cpu, {wall:.0} ms wall");
    }
}

fn search_benches(c: &mut Criterion) {
    let (_, text) = common::generated(100, 1000);
    // Read without `load`: with its English the generated file is larger than the 64 MiB that
    // loading accepts.
    let report: Report = ron::from_str(&text).expect("valid");
    drop(text);
    let index = SearchIndex::new(&report);
    // 協會 is a traditional query; 近20万 is written 近 **20** 万 in the text.
    let queries = [
        "科普", "院士", "ap", "5a", "kepu", "kp", "yuanshi", "xiang", "協會", "近20万",
    ];
    let traditional_queries = ["科普", "協會", "协会", "kepu", "xuehui"];
    let mut group = c.benchmark_group("search/100x1000");
    group.sample_size(20);
    for query in queries {
        group.bench_function(query, |b| b.iter(|| index.search(query, None)));
    }
    group.finish();

    let traditional_report = traditional(&report);
    let traditional_index = SearchIndex::new(&traditional_report);
    #[cfg(target_os = "linux")]
    if std::env::var_os("HUIMOU_BENCH_CPU").is_some() {
        for round in 0..2 {
            eprintln!("round {round}");
            cpu::searches("100x1000", &index, &queries);
            cpu::searches(
                "100x1000-traditional",
                &traditional_index,
                &traditional_queries,
            );
            cpu::build("simplified", &report);
            cpu::build("traditional", &traditional_report);
        }
    }
    let mut group = c.benchmark_group("search/100x1000-traditional");
    group.sample_size(20);
    for query in traditional_queries {
        group.bench_function(query, |b| b.iter(|| traditional_index.search(query, None)));
    }
    group.finish();

    // Building the index, its pinyin included (a pinyin query waits for it).
    let mut group = c.benchmark_group("search/index-100x1000");
    group.sample_size(10);
    for (name, report) in [
        ("simplified", &report),
        ("traditional", &traditional_report),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| SearchIndex::new(report).search("zzzz", None))
        });
    }
    group.finish();
    eprintln!(
        "index memory, 100x1000: simplified {} bytes, traditional {} bytes",
        index.memory(),
        traditional_index.memory()
    );

    let embedded = load::embedded();
    let embedded = embedded.index();
    c.bench_function("search/embedded/科普", |b| {
        b.iter(|| embedded.search("科普", None))
    });
}

criterion_group!(benches, search_benches);
criterion_main!(benches);
