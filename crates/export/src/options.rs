use copy_that_spacing::RootPx;
use serde::{Deserialize, Serialize};
use specta::Type;

/// The unit values are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Px,
    Rem,
}

/// Which of a token's names becomes its name in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Naming {
    /// `md`
    #[default]
    Simple,
    /// `md-padding`
    Descriptive,
    /// `card-padding`
    Contextual,
    /// `spacing-4`
    ScalePosition,
    /// `comfortable-padding`
    Semantic,
}

/// Options shared by every format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ExportOptions {
    pub unit: Unit,
    /// Root font size for rem values.
    pub root_px: RootPx,
    pub naming: Naming,
    /// Prefix of variable names (`spacing` → `--spacing-md`); empty for none.
    pub prefix: String,
    /// Also write semantic aliases (`card-padding` → the `md` token).
    pub aliases: bool,
    /// Include where each value was measured (DTCG `$extensions`, comments elsewhere).
    pub provenance: bool,
    /// Write responsive suggestions as media queries (CSS, SCSS) where the format has them.
    pub responsive: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            unit: Unit::Px,
            root_px: RootPx::DEFAULT,
            naming: Naming::Simple,
            prefix: "spacing".into(),
            aliases: true,
            provenance: false,
            responsive: false,
        }
    }
}
