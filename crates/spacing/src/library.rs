//! Building a project's library: each image's values chosen by the engine that measured it, the
//! images merged at the project's threshold and root size, the designer's hand edits replayed.
//! The pipeline calls this; the store only keeps the jobs it reads from and the library it gets.

use crate::aggregate::{aggregate_with_progress, AggregateOptions, SpacingLibrary};
use crate::bounds::{MergeThreshold, RootPx};
use crate::edits::{replay, TokenEdit};
use crate::error::SpacingError;
use crate::keep::{keep_names, KnownName};
use crate::model::Measurement;
use crate::select::{select_system, SelectOptions};

/// The engine that produced a job's measurements. Stored by name (`as_str`): the names earlier
/// versions wrote are the same, and one this version does not know still loads, as `Other`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobSource {
    /// The local extractor: every distance it found, of which a library takes the image's system.
    Local,
    /// Hybrid: an AI provider's values snapped to the measured ones.
    Hybrid,
    Claude,
    Openai,
    OpenaiCompatible,
    /// Any other name (an import, a seed, a test): its values are taken as they are.
    Other(String),
}

impl JobSource {
    const NAMED: [JobSource; 5] = [
        JobSource::Local,
        JobSource::Hybrid,
        JobSource::Claude,
        JobSource::Openai,
        JobSource::OpenaiCompatible,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            JobSource::Local => "local",
            JobSource::Hybrid => "hybrid",
            JobSource::Claude => "claude",
            JobSource::Openai => "openai",
            JobSource::OpenaiCompatible => "openai-compatible",
            JobSource::Other(name) => name,
        }
    }

    /// The source a stored name stands for.
    pub fn parse(name: &str) -> JobSource {
        Self::NAMED
            .into_iter()
            .find(|s| s.as_str() == name)
            .unwrap_or_else(|| JobSource::Other(name.to_string()))
    }

    /// What a job of this source adds to a library: the local extractor's measurements narrowed
    /// to the image's system ([`select_system`]); any other source's values as they are.
    pub fn library_values(&self, measurements: Vec<Measurement>) -> Vec<Measurement> {
        match self {
            JobSource::Local => select_system(&measurements, &SelectOptions::default()),
            _ => measurements,
        }
    }
}

impl From<&str> for JobSource {
    fn from(name: &str) -> Self {
        Self::parse(name)
    }
}

/// Recorded in a project library's tokens as the engine that produced them.
pub const PROJECT_PROVIDER: &str = "project";

/// A project's library from each image's library values (in the project's image order; see
/// [`JobSource::library_values`]): merged at the project's threshold and root size, each token
/// keeping the name it had in `previous` (the library the project had; see [`keep_names`]), then
/// its hand edits replayed in order (an edit whose token is gone is skipped).
pub fn build_library<I: AsRef<[Measurement]>>(
    images: &[I],
    previous: &[KnownName],
    edits: &[TokenEdit],
    threshold: MergeThreshold,
    root_px: RootPx,
) -> Result<SpacingLibrary, SpacingError> {
    let options = AggregateOptions {
        threshold,
        root_px,
        provider: PROJECT_PROVIDER.into(),
        ..AggregateOptions::default()
    };
    let mut library = aggregate_with_progress(images, &options, &mut |_| {})?;
    keep_names(&mut library, previous, threshold.get());
    replay(&mut library, edits, threshold.get());
    Ok(library)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SpacingType;

    #[test]
    fn every_name_earlier_versions_stored_reads_back_as_it_was_written() {
        for name in [
            "local",
            "hybrid",
            "claude",
            "openai",
            "openai-compatible",
            "ai",
            "seed",
        ] {
            assert_eq!(JobSource::parse(name).as_str(), name);
        }
        assert_eq!(JobSource::parse("local"), JobSource::Local);
        assert_eq!(JobSource::parse("ai"), JobSource::Other("ai".into()));
    }

    #[test]
    fn only_local_measurements_are_narrowed_to_the_image_system() {
        let m = |v| Measurement::new(v, 0.95, SpacingType::Padding).expect("valid");
        // One confident 4 px grid and a stray 13 px value the selection leaves out.
        let mut raw: Vec<Measurement> = [8.0, 16.0, 24.0, 32.0]
            .iter()
            .flat_map(|&v| std::iter::repeat_n(m(v), 4))
            .collect();
        raw.push(Measurement::new(13.0, 0.2, SpacingType::Gap).expect("valid"));
        let local = JobSource::Local.library_values(raw.clone());
        assert!(local.len() < raw.len() && !local.iter().any(|m| m.value_px == 13.0));
        assert_eq!(JobSource::Claude.library_values(raw.clone()), raw);
    }

    #[test]
    fn edits_are_replayed_on_the_merged_images() {
        let m = |v| Measurement::new(v, 0.9, SpacingType::Padding).expect("valid");
        let images = [vec![m(8.0), m(16.0)], vec![m(16.0), m(32.0)]];
        let edits = [
            TokenEdit::Delete { value_px: 32.0 },
            TokenEdit::Rename {
                value_px: 16.0,
                name: "card-padding".into(),
            },
        ];
        let lib = build_library(
            &images,
            &[],
            &edits,
            MergeThreshold::DEFAULT,
            RootPx::DEFAULT,
        )
        .expect("library");
        let values: Vec<f64> = lib.tokens.iter().map(|t| t.value_px).collect();
        assert_eq!(values, [8.0, 16.0]);
        assert_eq!(lib.tokens[1].name, "card-padding");
        assert_eq!(lib.tokens[1].image_count, 2);
        assert_eq!(lib.tokens[0].extraction_metadata.provider, PROJECT_PROVIDER);
    }

    #[test]
    fn tokens_keep_their_names_when_images_are_added() {
        let m = |v| Measurement::new(v, 0.9, SpacingType::Padding).expect("valid");
        let build = |images: &[Vec<Measurement>], previous: &[KnownName]| {
            let edits = [TokenEdit::Rename {
                value_px: 24.0,
                name: "card-padding".into(),
            }];
            build_library(
                images,
                previous,
                &edits,
                MergeThreshold::DEFAULT,
                RootPx::DEFAULT,
            )
            .expect("library")
        };
        let known = |lib: &SpacingLibrary| -> Vec<KnownName> {
            lib.tokens.iter().map(KnownName::from).collect()
        };
        let mut images = vec![vec![m(8.0), m(8.0), m(16.0), m(16.0), m(24.0), m(24.0)]];
        let first = build(&images, &[]);
        let named = |lib: &SpacingLibrary| -> Vec<(f64, String)> {
            lib.tokens
                .iter()
                .map(|t| (t.value_px, t.name.clone()))
                .collect()
        };
        assert_eq!(
            named(&first),
            [
                (8.0, "2".into()),
                (16.0, "4".into()),
                (24.0, "card-padding".into())
            ]
        );
        // More images: 17 px outweighs 16 px in their group, and 40 px is new.
        images.push(vec![m(17.0), m(17.0), m(17.0), m(40.0), m(40.0)]);
        let second = build(&images, &known(&first));
        assert_eq!(
            named(&second),
            [
                (8.0, "2".into()),
                (17.0, "4".into()),
                (24.0, "card-padding".into()),
                (40.0, "10".into())
            ]
        );
        // Without the previous library, 17 px would have been named by its own step.
        assert_eq!(build(&images, &[]).tokens[1].name, "4-25");
    }
}
