//! Telling a caller how far a long comparison has got.
//!
//! The library only counts; showing the count (a progress bar on a terminal) is the caller's
//! business, so nothing here writes anywhere.

/// Receives progress of a comparison. Called from several threads at once.
pub trait Progress: Sync {
    /// A stage of the comparison starts, with `total` units of work ahead.
    fn stage(&self, name: &'static str, total: u64);
    /// `units` more units of the current stage are done.
    fn advance(&self, units: u64);
    /// The comparison is done.
    fn finish(&self) {}
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _name: &'static str, _total: u64) {}
    fn advance(&self, _units: u64) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    /// Records what a comparison reports.
    #[derive(Default)]
    struct Recorder {
        stages: Mutex<Vec<(&'static str, u64)>>,
        units: AtomicU64,
    }

    impl Progress for Recorder {
        fn stage(&self, name: &'static str, total: u64) {
            self.stages.lock().unwrap().push((name, total));
        }
        fn advance(&self, units: u64) {
            self.units.fetch_add(units, Ordering::Relaxed);
        }
    }

    #[test]
    fn a_comparison_reports_every_unit_of_every_stage() {
        let left = crate::Doc::from_text("left", "The council approved the budget. It rained.");
        let right = crate::Doc::from_text("right", "The council rejected the budget.");
        let recorder = Recorder::default();
        crate::compare_with_progress(&left, &right, &crate::Config::default(), &recorder);
        let stages = recorder.stages.lock().unwrap().clone();
        let names: Vec<&str> = stages.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["reading", "aligning", "judging"]);
        let total: u64 = stages.iter().map(|(_, total)| total).sum();
        assert_eq!(recorder.units.load(Ordering::Relaxed), total);
    }
}
