//! App settings: which engine runs by default and how. Saved in the project database (never the
//! API keys: those are in the OS keyring).

use copy_that_ai::{BaseUrl, EngineKind, Provider};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::PipelineError;

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
    pub concurrency: u32,
    /// Default merge threshold for new projects (0..1).
    pub threshold: f64,
    /// Root font size for rem values, in px.
    pub root_px: f64,
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
            concurrency: std::thread::available_parallelism().map_or(2, |n| n.get() as u32),
            threshold: 0.1,
            root_px: 16.0,
            last_project: None,
        }
    }
}

impl Settings {
    pub const KEY: &'static str = "settings";

    /// Refuses values no run could use, naming the field.
    pub fn validate(&self) -> Result<(), PipelineError> {
        let bad = |m: &str| Err(PipelineError::Settings(m.into()));
        if !(1..=64).contains(&self.concurrency) {
            return bad("concurrency must be between 1 and 64 images at once");
        }
        if copy_that_spacing::check_threshold(self.threshold).is_err() {
            return bad("the merge threshold must be between 0 % and 99 %");
        }
        if copy_that_spacing::check_root_px(self.root_px).is_err() {
            return bad("the root font size must be between 1 and 256 px");
        }
        BaseUrl::parse_or_default(Provider::OpenaiCompatible, Some(&self.base_url))
            .map_err(|e| PipelineError::Settings(e.to_string()))?;
        if self.model.chars().any(char::is_control) || self.model.len() > 200 {
            return bad("the model name must be plain text of at most 200 characters");
        }
        Ok(())
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
        assert!(Settings {
            concurrency: 0,
            ..Settings::default()
        }
        .validate()
        .is_err());
        // The engine's own bounds, not a second copy: 100 % is refused here, not at a rebuild.
        assert!(Settings {
            threshold: 1.0,
            ..Settings::default()
        }
        .validate()
        .is_err());
    }

    #[test]
    fn missing_fields_take_defaults() {
        let s: Settings = serde_json::from_str(r#"{"engine":"hybrid"}"#).unwrap();
        assert_eq!(s.engine, EngineKind::Hybrid);
        assert_eq!(s.threshold, 0.1);
    }
}
