//! The CLI's sink for a pipeline batch: a progress bar on a terminal, and per image what stderr
//! says (skipped and why, AI failures, "no confident spacing" notes) and what stdout may print
//! (`--measurements`, `--explain`, `images[]`), in queue order once the batch is done.

use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use copy_that_measure::explain::{self, ImageReport};
use copy_that_measure::Extraction;
use copy_that_pipeline::{ExtractEvent, ImagePhase, Sink};
use copy_that_spacing::Selection;

use crate::term::safe;

/// What the sink keeps of each measured image beyond the events.
#[derive(Clone, Copy, Default)]
pub struct Keep {
    /// Every measured instance (`--measurements`).
    pub extractions: bool,
    /// The image's account (`--explain`, `--json`'s `images[]`).
    pub reports: bool,
}

#[derive(Default)]
struct State {
    paths: Vec<String>,
    /// Turned away before starting, with the reason.
    skipped: Vec<String>,
    done: HashSet<u32>,
    kept: HashSet<u32>,
    /// Per image, what happened to it, in the order it happened.
    said: BTreeMap<u32, Vec<Said>>,
    extractions: BTreeMap<u32, Extraction>,
    reports: BTreeMap<u32, ImageReport>,
    bar: bool,
}

enum Said {
    Failed(String),
    Note(String),
}

pub struct Progress {
    keep: Keep,
    state: Mutex<State>,
}

/// One image's account, as `extract --json` prints it under `images`.
#[derive(serde::Serialize)]
pub struct ImageEntry {
    pub file: String,
    #[serde(flatten)]
    pub report: ImageReport,
}

/// What a finished batch leaves for the printer.
pub struct Collected {
    pub extractions: Vec<Extraction>,
    pub images: Vec<ImageEntry>,
}

impl Progress {
    pub fn new(keep: Keep) -> Progress {
        Progress {
            keep,
            state: Mutex::new(State::default()),
        }
    }

    fn path(state: &State, index: u32) -> String {
        state.paths.get(index as usize).cloned().unwrap_or_default()
    }

    /// Ends the bar, writes what happened to each image on stderr, and hands over what was kept.
    pub fn finish(&self) -> Collected {
        let Ok(mut s) = self.state.lock() else {
            return Collected {
                extractions: Vec::new(),
                images: Vec::new(),
            };
        };
        if s.bar {
            eprintln!();
        }
        for line in &s.skipped {
            eprintln!("copy-that: skipped {}", safe(line));
        }
        for (&index, said) in &s.said {
            let path = Self::path(&s, index);
            for it in said {
                match it {
                    Said::Failed(reason) if index == u32::MAX => {
                        eprintln!("copy-that: {}", safe(reason));
                    }
                    Said::Failed(reason) if s.kept.contains(&index) => {
                        eprintln!("copy-that: {}", safe(&format!("{path}: {reason}")));
                    }
                    Said::Failed(reason) => {
                        eprintln!("copy-that: skipped {}", safe(&format!("{path}: {reason}")));
                    }
                    Said::Note(note) => eprintln!("copy-that: {}: {note}", safe(&path)),
                }
            }
        }
        let reports = std::mem::take(&mut s.reports);
        let images = reports
            .into_iter()
            .map(|(index, report)| ImageEntry {
                file: Self::path(&s, index),
                report,
            })
            .collect();
        Collected {
            extractions: std::mem::take(&mut s.extractions).into_values().collect(),
            images,
        }
    }
}

fn draw(done: usize, total: usize) {
    let width = 30;
    let filled = done * width / total.max(1);
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r[{}{}] {done}/{total} images",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    let _ = err.flush();
}

impl Sink for Progress {
    fn event(&self, event: ExtractEvent) {
        let Ok(mut s) = self.state.lock() else { return };
        let finished = match event {
            ExtractEvent::Queued { images, skipped } => {
                s.paths = images.into_iter().map(|i| i.path).collect();
                s.skipped = skipped
                    .into_iter()
                    .map(|f| format!("{}: {}", f.path, f.reason))
                    .collect();
                s.bar = s.paths.len() > 1 && std::io::stderr().is_terminal();
                None
            }
            ExtractEvent::Phase {
                index,
                phase: ImagePhase::Saved,
            } => {
                s.kept.insert(index);
                Some(index)
            }
            ExtractEvent::Failed { index, reason } => {
                s.said.entry(index).or_default().push(Said::Failed(reason));
                Some(index)
            }
            ExtractEvent::Note { index, note } => {
                s.said.entry(index).or_default().push(Said::Note(note));
                None
            }
            _ => None,
        };
        if let Some(index) = finished {
            if s.done.insert(index) && s.bar {
                draw(s.done.len(), s.paths.len());
            }
        }
    }

    fn measured(&self, index: u32, extraction: &Extraction, selection: &Selection) {
        let Ok(mut s) = self.state.lock() else { return };
        if self.keep.extractions {
            s.extractions.insert(index, extraction.clone());
        }
        if self.keep.reports {
            s.reports
                .insert(index, explain::report(extraction, selection));
        }
    }
}
