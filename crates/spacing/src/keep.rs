//! A token keeps its name once the project has it. When a project's library is rebuilt (images
//! added, a job re-run), each new token whose measurements span a previous token's value, or whose
//! value is within the merge threshold of it, takes that token's name; the nearest pair is matched
//! first and each name goes to one token. Tokens matched by nothing keep their [`step`] name, or
//! the first free `-2`, `-3` variant of it when a kept name already holds it.
//!
//! A kept token also keeps its context (the alias exports write for it), and no new token may
//! take a context a kept one holds: an alias, once written, keeps pointing at the same token.
//!
//! Names of the rank scheme earlier versions gave (`md`, `lg`, `2xs`, `none`) are not kept: a
//! project saved by them takes step names once, at its first rebuild. Renames are hand edits and
//! are replayed after this, as always.

use std::collections::HashSet;

use crate::aggregate::SpacingLibrary;
use crate::model::SpacingToken;
use crate::naming::{free_name, semantic_names, slug};

/// A token of the library a project had: its value, its name and its context (its alias).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KnownName {
    pub value_px: f64,
    pub name: String,
    pub context: String,
}

impl From<&SpacingToken> for KnownName {
    fn from(t: &SpacingToken) -> Self {
        KnownName {
            value_px: t.value_px,
            name: t.name.clone(),
            context: t.context.clone(),
        }
    }
}

/// Whether `name` is one of the rank names (t-shirt sizes) earlier versions gave as identity.
pub fn is_rank_name(name: &str) -> bool {
    let size = name
        .strip_suffix("xs")
        .or_else(|| name.strip_suffix("xl"))
        .map(|n| n.is_empty() || n.bytes().all(|b| b.is_ascii_digit()));
    size == Some(true) || matches!(name, "sm" | "md" | "lg" | "none")
}

/// Whether a token spanning `lo..=hi` around `value` stands for the previous token at `known`.
fn covers(lo: f64, hi: f64, value: f64, known: f64, threshold: f64) -> bool {
    (lo..=hi).contains(&known) || (value - known).abs() <= (known * threshold).max(0.5)
}

/// Gives the tokens of a rebuilt library the names of the previous library's tokens they stand
/// for (see the module). `threshold` is the project's merge threshold, a fraction of the value.
pub fn keep_names(library: &mut SpacingLibrary, previous: &[KnownName], threshold: f64) {
    let previous: Vec<&KnownName> = previous.iter().filter(|k| !is_rank_name(&k.name)).collect();
    let mut pairs = Vec::new();
    for (i, t) in library.tokens.iter().enumerate() {
        let (lo, hi) = t
            .occurrences
            .iter()
            .fold((t.value_px, t.value_px), |(lo, hi), o| {
                (lo.min(o.value_px), hi.max(o.value_px))
            });
        for (j, k) in previous.iter().enumerate() {
            if covers(lo, hi, t.value_px, k.value_px, threshold) {
                pairs.push(((t.value_px - k.value_px).abs(), i, j));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut kept: Vec<Option<usize>> = vec![None; library.tokens.len()];
    let mut used = vec![false; previous.len()];
    let mut taken = HashSet::new();
    for (_, i, j) in pairs {
        if kept[i].is_none() && !used[j] && taken.insert(previous[j].name.clone()) {
            kept[i] = Some(j);
            used[j] = true;
        }
    }
    for (t, j) in library.tokens.iter_mut().zip(&kept) {
        if let Some(j) = j {
            t.name.clone_from(&previous[*j].name);
        }
    }
    for (t, j) in library.tokens.iter_mut().zip(&kept) {
        if j.is_none() {
            t.name = free_name(&t.name, &mut taken);
        }
    }
    let contexts: Vec<Option<&str>> = kept
        .iter()
        .map(|j| {
            j.map(|j| previous[j].context.as_str())
                .filter(|c| !c.is_empty())
        })
        .collect();
    keep_contexts(library, &contexts);
    relate(library);
}

/// A kept token keeps the context it had (so its alias stays); a token whose context a kept one
/// holds gives it up. Each context stays with one token: of kept tokens that had the same one (a
/// library saved by an earlier version), the most measured keeps it. Every token's contextual name
/// follows its context.
fn keep_contexts(library: &mut SpacingLibrary, kept: &[Option<&str>]) {
    let tokens = &library.tokens;
    let mut order: Vec<usize> = (0..tokens.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(tokens[i].occurrence_count), i));
    let mut held = HashSet::new();
    let mut context: Vec<Option<String>> = vec![None; tokens.len()];
    for &i in &order {
        if let Some(c) = kept[i].filter(|c| slug(c).is_some_and(|s| held.insert(s))) {
            context[i] = Some(c.to_string());
        }
    }
    for &i in &order {
        let fresh = &tokens[i].context;
        if context[i].is_none() && slug(fresh).is_some_and(|s| held.insert(s)) {
            context[i] = Some(fresh.clone());
        }
    }
    for (t, context) in library.tokens.iter_mut().zip(context) {
        let context = context.unwrap_or_default();
        if t.context != context {
            t.context = context;
            t.semantic_names = semantic_names(
                t.value_px,
                &t.semantic_names.t_shirt,
                t.spacing_type,
                &t.context,
            );
        }
    }
}

/// Each token's `related_to`: the names of its neighbours on the scale.
fn relate(library: &mut SpacingLibrary) {
    let names: Vec<String> = library.tokens.iter().map(|t| t.name.clone()).collect();
    for (i, t) in library.tokens.iter_mut().enumerate() {
        t.related_to = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| names.get(j).cloned())
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{aggregate, AggregateOptions, Measurement, SpacingType};
    use proptest::prelude::*;

    fn library(values: &[f64]) -> SpacingLibrary {
        let m: Vec<Measurement> = values
            .iter()
            .map(|&v| Measurement::new(v, 0.9, SpacingType::Padding).expect("valid"))
            .collect();
        aggregate(&[m], &AggregateOptions::default()).expect("library")
    }

    fn known(value_px: f64, name: &str) -> KnownName {
        KnownName {
            value_px,
            name: name.into(),
            context: String::new(),
        }
    }

    fn names(lib: &SpacingLibrary) -> Vec<&str> {
        lib.tokens.iter().map(|t| t.name.as_str()).collect()
    }

    #[test]
    fn a_token_that_moved_within_the_threshold_keeps_its_name() {
        let mut lib = library(&[8.0, 17.0, 32.0]);
        keep_names(&mut lib, &[known(16.0, "4"), known(8.0, "2")], 0.1);
        assert_eq!(names(&lib), ["2", "4", "8"]);
        assert_eq!(lib.tokens[1].related_to, ["2", "8"]);
    }

    #[test]
    fn a_new_token_takes_a_free_name_when_its_step_is_held() {
        // 20 px is the 19.5 px token that was named `4`; the new 16 px token's step is held.
        let mut lib = library(&[16.0, 20.0]);
        keep_names(&mut lib, &[known(19.5, "4")], 0.1);
        assert_eq!(names(&lib), ["4-2", "4"]);
    }

    #[test]
    fn two_previous_tokens_merged_into_one_leave_the_nearer_name() {
        let mut lib = library(&[15.0, 16.0, 17.0]);
        assert_eq!(lib.tokens.len(), 1);
        keep_names(&mut lib, &[known(15.0, "tight"), known(16.5, "card")], 0.1);
        assert_eq!(names(&lib), ["card"]);
    }

    #[test]
    fn a_kept_token_keeps_its_context_and_a_new_one_cannot_take_it() {
        let m = |v, n, ctx| {
            let m = Measurement::new(v, 0.9, SpacingType::Padding).expect("valid");
            std::iter::repeat_n(m.with_context(ctx), n)
        };
        // 24 px was the card padding; now 32 px is measured in cards more often, and 24 px in
        // lists.
        let ms: Vec<Measurement> = m(24.0, 3, "list")
            .chain(m(24.0, 2, "card"))
            .chain(m(32.0, 6, "card"))
            .collect();
        let mut lib = aggregate(&[ms], &AggregateOptions::default()).expect("library");
        assert_eq!(
            [&lib.tokens[0].context, &lib.tokens[1].context],
            ["list", "card"]
        );
        let before = KnownName {
            context: "card".into(),
            ..known(24.0, "6")
        };
        keep_names(&mut lib, &[before], 0.1);
        assert_eq!(
            [&lib.tokens[0].context, &lib.tokens[1].context],
            ["card", ""]
        );
        assert_eq!(lib.tokens[0].semantic_names.contextual, "card-padding");
        assert_eq!(lib.tokens[1].semantic_names.contextual, "lg-padding");
    }

    #[test]
    fn contexts_an_earlier_version_gave_several_tokens_stay_with_one() {
        let m = |v, n| {
            let m = Measurement::new(v, 0.9, SpacingType::Padding).expect("valid");
            std::iter::repeat_n(m.with_context("card"), n)
        };
        let ms: Vec<Measurement> = m(8.0, 2).chain(m(16.0, 5)).chain(m(24.0, 3)).collect();
        let mut lib = aggregate(&[ms], &AggregateOptions::default()).expect("library");
        // Saved before contexts were unique: `card-padding`, `card-padding-2`… in exports.
        let before: Vec<KnownName> = lib
            .tokens
            .iter()
            .map(|t| KnownName {
                context: "card".into(),
                ..KnownName::from(t)
            })
            .collect();
        keep_names(&mut lib, &before, 0.1);
        let contexts: Vec<&str> = lib.tokens.iter().map(|t| t.context.as_str()).collect();
        assert_eq!(contexts, ["", "card", ""], "the most measured keeps it");
    }

    #[test]
    fn rank_names_of_earlier_versions_give_way_to_steps() {
        for rank in ["md", "sm", "lg", "xs", "xl", "2xs", "9xl", "none"] {
            assert!(is_rank_name(rank), "{rank}");
        }
        for other in ["4", "card-padding", "xxl", "mdx", "2x", "s"] {
            assert!(!is_rank_name(other), "{other}");
        }
        let mut lib = library(&[8.0, 16.0]);
        keep_names(&mut lib, &[known(8.0, "sm"), known(16.0, "card")], 0.1);
        assert_eq!(names(&lib), ["2", "card"]);
    }

    proptest! {
        /// Rebuilding with the library's own names changes nothing, and names stay distinct
        /// whatever the previous library held.
        #[test]
        fn names_are_kept_and_stay_distinct(
            values in proptest::collection::vec(1u32..400, 1..12),
            old in proptest::collection::vec((1u32..400, 0usize..4), 0..12),
        ) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let mut lib = library(&values);
            let before = lib.clone();
            let own: Vec<KnownName> = lib.tokens.iter().map(KnownName::from).collect();
            keep_names(&mut lib, &own, 0.1);
            prop_assert_eq!(&lib, &before);
            let pool = ["4", "card", "5", "gap"];
            let old: Vec<KnownName> = old
                .into_iter()
                .map(|(v, n)| KnownName {
                    context: pool[(n + 1) % 4].into(),
                    ..known(f64::from(v), pool[n])
                })
                .collect();
            keep_names(&mut lib, &old, 0.1);
            let distinct: HashSet<&str> = lib.tokens.iter().map(|t| t.name.as_str()).collect();
            prop_assert_eq!(distinct.len(), lib.tokens.len());
            let contexts: Vec<&str> =
                lib.tokens.iter().map(|t| t.context.as_str()).filter(|c| !c.is_empty()).collect();
            let distinct: HashSet<&&str> = contexts.iter().collect();
            prop_assert_eq!(distinct.len(), contexts.len());
        }
    }
}
