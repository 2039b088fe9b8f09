//! Text from outside (file names, server messages, token and project names, imported files) made
//! safe to print on a terminal: one function, used wherever the CLI prints such text.

/// `text` without terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, two-byte
/// `ESC x`), C0 and C1 control characters (line breaks and tabs become spaces, so one record stays
/// one line) and bidirectional overrides (which reorder what is shown).
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte in @..~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' {
                            break;
                        }
                        if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Warns on stderr of each token an import left out, naming it and why (names are the file's own,
/// so they go through [`safe`]).
pub fn warn_skipped(imported: &copy_that_export::Imported) {
    for s in &imported.skipped {
        eprintln!("copy-that: {}", safe(&s.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn ansi_escapes_and_control_characters_never_reach_the_terminal() {
        assert_eq!(safe("\u{1b}[31mred\u{1b}[0m"), "red");
        assert_eq!(safe("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(
            safe("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "alink"
        );
        assert_eq!(safe("\u{9b}2Jx\u{0}y\u{7f}"), "2Jxy");
        assert_eq!(safe("line\nforged\r\ttab"), "line forged  tab");
        assert_eq!(safe("abc\u{202e}fdp.exe"), "abcfdp.exe");
        assert_eq!(safe("héllo — 16 px"), "héllo — 16 px");
        assert_eq!(safe("trailing \u{1b}"), "trailing ");
        assert_eq!(
            safe("\u{1b}[12;3"),
            "",
            "an unterminated sequence is dropped"
        );
    }
}
