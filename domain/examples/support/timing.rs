//! What the timing examples share: percentiles of measured durations, a line per
//! figure against its target, and a member as a viewer.

use std::time::Duration;

use iey_domain::{Role, Viewer};

/// The `p` quantile (0 to 1) of `times`, which it sorts.
pub fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let index = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[index]
}

/// Prints p50, p95 and p99 of `times` and whether p95 meets `target`.
pub fn report(label: &str, times: &mut [Duration], target: Duration) {
    let p50 = percentile(times, 0.5);
    let p95 = percentile(times, 0.95);
    let p99 = percentile(times, 0.99);
    let verdict = if p95 <= target { "ok" } else { "MISSED" };
    println!(
        "{label:36} n {:4}  p50 {p50:>10.2?}  p95 {p95:>10.2?}  p99 {p99:>10.2?}   target p95 <= {target:?} {verdict}",
        times.len()
    );
}

/// Member `id` as a viewer.
pub fn member(id: i32) -> Viewer {
    Viewer::Member {
        id,
        role: Role::Member,
    }
}
