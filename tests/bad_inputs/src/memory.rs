//! How much a step of a test grows the process's memory, read from the kernel: the resident size
//! when the watch starts, against the high-water mark after the step. Resetting the mark touches
//! the whole process, so a test binary that bounds memory holds that one test (others running
//! beside it would move the mark). Linux only (`/proc/self/clear_refs`, Linux 4.0+).

/// A field of `/proc/self/status` (`"VmRSS:"`, `"VmHWM:"`), in kB.
pub fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("field")
}

/// The resident size when the watch started, with the high-water mark reset to it.
pub struct PeakWatch {
    before_kb: u64,
}

impl PeakWatch {
    /// Resets the kernel's high-water mark to the current resident size and notes that size.
    pub fn start() -> Self {
        std::fs::write("/proc/self/clear_refs", "5").expect("clear_refs");
        PeakWatch {
            before_kb: status_kb("VmRSS:"),
        }
    }

    /// How far the high-water mark rose above the resident size at the start, in kB.
    pub fn grown_kb(&self) -> u64 {
        status_kb("VmHWM:").saturating_sub(self.before_kb)
    }
}
