//! What is worked out from a project's library when it is read, never stored: the grid a doubtful
//! base unit could as well be.

use serde::{Deserialize, Serialize};
use specta::Type;

use copy_that_spacing::SpacingLibrary;

use crate::failures::FailedImage;
use crate::library::StoredLibrary;
use crate::repo::{ImageRecord, ProjectSummary};

/// The other grid a doubtful base unit could be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct BaseUnitRunnerUp {
    pub unit: f64,
    /// Share of the tokens' uses on that grid (0..1).
    pub explained: f64,
}

/// Below this confidence a base unit is doubtful, and its runner-up is worth showing.
pub const DOUBTFUL_BASE_UNIT: f64 = 0.6;

impl StoredLibrary {
    /// A project's library with what is worked out from it on reading.
    pub fn assemble(
        project: ProjectSummary,
        images: Vec<ImageRecord>,
        library: SpacingLibrary,
        failures: Vec<FailedImage>,
    ) -> StoredLibrary {
        let stats = &library.statistics;
        let base_unit_runner_up =
            if stats.token_count > 0 && stats.base_unit_confidence < DOUBTFUL_BASE_UNIT {
                let values: Vec<(f64, u64)> = library
                    .tokens
                    .iter()
                    .map(|t| (t.value_px, u64::from(t.occurrence_count)))
                    .collect();
                copy_that_spacing::grid::base_unit_runner_up(&values, stats.base_unit)
                    .map(|(unit, explained)| BaseUnitRunnerUp { unit, explained })
            } else {
                None
            };
        StoredLibrary {
            project,
            images,
            library,
            failures,
            base_unit_runner_up,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copy_that_spacing::{
        aggregate, AggregateOptions, Measurement, MergeThreshold, RootPx, SpacingType,
    };

    fn summary() -> ProjectSummary {
        ProjectSummary {
            id: 1,
            name: "P".into(),
            image_count: 1,
            token_count: 0,
            threshold: MergeThreshold::DEFAULT,
            root_px: RootPx::DEFAULT,
            created_at: 0.0,
            updated_at: 0.0,
        }
    }

    #[test]
    fn a_doubtful_base_unit_comes_with_its_runner_up_and_a_sure_one_without() {
        let values: Vec<Measurement> = [(8.0, 10), (16.0, 10), (24.0, 6), (4.0, 3), (12.0, 2)]
            .iter()
            .flat_map(|&(v, n)| std::iter::repeat_n(v, n))
            .map(|v| Measurement::new(v, 0.95, SpacingType::Gap).expect("valid"))
            .collect();
        let mut library = aggregate(&[values], &AggregateOptions::default()).expect("library");
        let unit = library.statistics.base_unit;
        library.statistics.base_unit_confidence = 0.3;
        let doubtful = StoredLibrary::assemble(summary(), vec![], library.clone(), vec![]);
        let runner_up = doubtful.base_unit_runner_up.expect("a runner-up");
        assert_ne!(runner_up.unit, unit);
        assert!(runner_up.explained >= 0.5);
        library.statistics.base_unit_confidence = 0.9;
        let sure = StoredLibrary::assemble(summary(), vec![], library, vec![]);
        assert_eq!(sure.base_unit_runner_up, None);
    }
}
