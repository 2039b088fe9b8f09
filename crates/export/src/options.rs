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

/// Which of a token's names becomes its name in the file. Only `Simple` is stable: the token's
/// own name, its step on the 4 px scale (`4` for 16 px) given once and kept by the project, or the
/// designer's rename. The others are derived from the set and may move as images are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Naming {
    /// The token's name: `4` (16 px), or as renamed.
    #[default]
    Simple,
    /// The t-shirt size, the value's rank in the set: `md`.
    TShirt,
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
    /// Prefix of variable names (`spacing` → `--spacing-4`); empty for none.
    pub prefix: String,
    /// Also write semantic aliases (`card-padding` → the `4` token): a token's context, which the
    /// engine gives one token only; none with contextual naming (the names are the contexts).
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
