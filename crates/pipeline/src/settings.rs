//! App settings: which engine runs by default and how. Saved in the project database (never the
//! API keys: those are in the OS keyring). Each number is a type checked where it is made
//! ([`MergeThreshold`], [`RootPx`], [`Concurrency`]); what is left to check here is text.

use copy_that_ai::{BaseUrl, EngineKind, Provider};
use copy_that_spacing::{Bounds, MergeThreshold, RootPx};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::PipelineError;

/// How many images are measured at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(try_from = "u32", into = "u32")]
pub struct Concurrency(u32);

impl Concurrency {
    pub const BOUNDS: Bounds<u32> = Bounds { min: 1, max: 64 };

    pub fn new(n: u32) -> Result<Self, PipelineError> {
        if Self::BOUNDS.contains(n) {
            Ok(Self(n))
        } else {
            Err(PipelineError::Settings(format!(
                "concurrency must be between {} and {} images at once",
                Self::BOUNDS.min,
                Self::BOUNDS.max
            )))
        }
    }

    /// One image per core of this machine (2 when that is unknown), within the bounds.
    pub fn of_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u32);
        Self(cores.clamp(Self::BOUNDS.min, Self::BOUNDS.max))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Concurrency {
    type Error = PipelineError;
    fn try_from(n: u32) -> Result<Self, PipelineError> {
        Self::new(n)
    }
}

impl From<Concurrency> for u32 {
    fn from(c: Concurrency) -> u32 {
        c.0
    }
}

/// The bounds of every number in [`Settings`], as the app exports them to the UI (the
/// `SETTING_LIMITS` constant of its bindings): the form's limits are the types' own.
#[derive(Debug, Clone, Copy, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingLimits {
    pub threshold: Bounds<f64>,
    pub root_px: Bounds<f64>,
    pub concurrency: Bounds<u32>,
}

pub const LIMITS: SettingLimits = SettingLimits {
    threshold: MergeThreshold::BOUNDS,
    root_px: RootPx::BOUNDS,
    concurrency: Concurrency::BOUNDS,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub engine: EngineKind,
    /// The AI provider a hybrid run asks.
    pub hybrid_with: Provider,
    /// Model name; empty means the provider's default.
    pub model: String,
    /// Base URL of the OpenAI-compatible server; empty means `http://localhost:11434/v1`. Claude
    /// and OpenAI always use their official hosts. `https://`, or `http://` on this computer only.
    pub base_url: String,
    /// Images measured at once.
    pub concurrency: Concurrency,
    /// Default merge threshold for new projects.
    pub threshold: MergeThreshold,
    /// Root font size for rem values, in px.
    pub root_px: RootPx,
    /// The project open when the app last closed.
    pub last_project: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            engine: EngineKind::Local,
            hybrid_with: Provider::Claude,
            model: String::new(),
            base_url: String::new(),
            concurrency: Concurrency::of_machine(),
            threshold: MergeThreshold::DEFAULT,
            root_px: RootPx::DEFAULT,
            last_project: None,
        }
    }
}

impl Settings {
    pub const KEY: &'static str = "settings";

    /// Refuses text no run could use, naming the field (numbers are checked by their types).
    pub fn validate(&self) -> Result<(), PipelineError> {
        BaseUrl::parse_or_default(Provider::OpenaiCompatible, Some(&self.base_url))
            .map_err(|e| PipelineError::Settings(e.to_string()))?;
        if self.model.chars().any(char::is_control) || self.model.len() > 200 {
            return Err(PipelineError::Settings(
                "the model name must be plain text of at most 200 characters".into(),
            ));
        }
        Ok(())
    }

    /// Settings as saved: each field that still reads is kept, and one this version refuses (a
    /// 100 % threshold an earlier version saved) takes its default, so the rest survive.
    pub fn from_saved(saved: serde_json::Value) -> Settings {
        if let Ok(s) = serde_json::from_value(saved.clone()) {
            return s;
        }
        let mut kept = serde_json::Map::new();
        for (field, value) in saved.as_object().into_iter().flatten() {
            let mut trial = kept.clone();
            trial.insert(field.clone(), value.clone());
            if serde_json::from_value::<Settings>(trial.clone().into()).is_ok() {
                kept = trial;
            }
        }
        serde_json::from_value(kept.into()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_named_including_a_plain_http_remote_base_url() {
        assert!(Settings::default().validate().is_ok());
        let e = Settings {
            base_url: "ftp://x".into(),
            ..Settings::default()
        }
        .validate()
        .unwrap_err();
        assert!(e.to_string().contains("base URL"), "{e}");
        for refused in ["http://evil.example/v1", "https://u:p@llm.example.com"] {
            let e = Settings {
                base_url: refused.into(),
                ..Settings::default()
            }
            .validate()
            .unwrap_err();
            assert!(e.to_string().contains("base URL"), "{refused}: {e}");
        }
        for allowed in ["http://127.0.0.1:1234/v1", "https://llm.example.com/v1", ""] {
            assert!(Settings {
                base_url: allowed.into(),
                ..Settings::default()
            }
            .validate()
            .is_ok());
        }
        // The numbers' own types refuse them: settings cannot hold a 0 concurrency or a 100 %
        // threshold, so none reaches a rebuild.
        assert!(Concurrency::new(0).is_err());
        for bad in [
            r#"{"concurrency":0}"#,
            r#"{"threshold":1.0}"#,
            r#"{"rootPx":0}"#,
        ] {
            assert!(serde_json::from_str::<Settings>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn concurrency_is_accepted_exactly_within_its_bounds() {
        for n in [0, 1, 2, 64, 65, u32::MAX] {
            assert_eq!(Concurrency::new(n).is_ok(), (1..=64).contains(&n), "{n}");
        }
        assert!(Concurrency::BOUNDS.contains(Concurrency::of_machine().get()));
        let e = Concurrency::new(65).unwrap_err().to_string();
        assert_eq!(e, "concurrency must be between 1 and 64 images at once");
    }

    #[test]
    fn saved_settings_an_earlier_version_accepted_keep_every_field_that_still_reads() {
        // Regression: a 100 % threshold was saved, and every new project's rebuild then failed.
        let saved = serde_json::json!({
            "engine": "hybrid", "threshold": 1.0, "rootPx": 10, "lastProject": "Shop"
        });
        let s = Settings::from_saved(saved);
        assert_eq!(s.engine, EngineKind::Hybrid);
        assert_eq!(s.threshold, MergeThreshold::DEFAULT);
        assert_eq!(s.root_px.get(), 10.0);
        assert_eq!(s.last_project.as_deref(), Some("Shop"));
        assert_eq!(
            Settings::from_saved(serde_json::json!("junk")),
            Settings::default()
        );
    }

    #[test]
    fn missing_fields_take_defaults() {
        let s: Settings = serde_json::from_str(r#"{"engine":"hybrid"}"#).unwrap();
        assert_eq!(s.engine, EngineKind::Hybrid);
        assert_eq!(s.threshold.get(), 0.1);
    }
}
