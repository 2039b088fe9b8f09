//! The human-readable library table.

use copy_that_spacing::analysis::fmt_px;
use copy_that_spacing::SpacingLibrary;

use crate::term::safe;

pub fn render(library: &SpacingLibrary) -> String {
    let s = &library.statistics;
    let mut out = format!(
        "base unit {} px (confidence {:.2}), rhythm {:?}, {} tokens from {} measurements in {} images\n\n",
        fmt_px(s.base_unit),
        s.base_unit_confidence,
        format!("{:?}", s.rhythm).to_lowercase(),
        s.token_count,
        s.measurement_count,
        s.image_count
    );
    out.push_str(&format!(
        "{:<6} {:>8} {:>8} {:<8} {:>6} {:>6} {:>5}  {}\n",
        "name", "px", "rem", "type", "uses", "images", "conf", "context"
    ));
    for t in &library.tokens {
        out.push_str(&format!(
            "{:<6} {:>8} {:>8} {:<8} {:>6} {:>6} {:>5.2}  {}\n",
            safe(&t.name),
            fmt_px(t.value_px),
            t.value_rem,
            t.spacing_type.as_str(),
            t.occurrence_count,
            t.image_count,
            t.confidence,
            safe(&t.context)
        ));
    }
    if s.hidden_token_count > 0 {
        out.push_str(&format!(
            "\n{} rarely seen values hidden (below minimum support)\n",
            s.hidden_token_count
        ));
    }
    out
}
