//! Reading CSV text into a header and records, with the line each record starts on.
//!
//! Exports come from web apps and spreadsheets: UTF-8 with a byte-order mark (Excel, Jira), CRLF
//! line ends, quoted cells holding commas, quotes and line breaks, and in some locales `;` or a
//! tab as the separator. The `csv` crate reads RFC 4180 quoting; this module picks the separator,
//! strips the BOM and bounds what one file may hold.
use crate::text::shown;
use crate::Invalid;

/// Most data rows one import reads (a few years of a busy pager).
pub const MAX_ROWS: usize = 200_000;
/// Most columns one file may have.
pub const MAX_COLUMNS: usize = 500;

/// A record of the file: the line it starts on and its cells (as many as the header has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the file where the record starts (the header is line 1).
    pub line: u64,
    /// Cells, trimmed of surrounding spaces; missing cells are empty.
    pub cells: Vec<String>,
}

/// A file's header and records, or the rows that could not be split into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column headers, trimmed.
    pub header: Vec<String>,
    /// Data records.
    pub records: Vec<Record>,
    /// Lines that could not be read as a record, with the reason.
    pub broken: Vec<(u64, String)>,
}

impl Table {
    /// The rows that could not be read, as the preview lists them.
    pub fn skipped_rows(&self) -> Vec<super::SkippedRow> {
        self.broken
            .iter()
            .map(|(line, reason)| super::SkippedRow {
                line: *line,
                reason: reason.clone(),
            })
            .collect()
    }

    /// The index of the column called `name` (case-insensitive, trimmed).
    pub fn column(&self, name: &str) -> Option<usize> {
        let want = name.trim().to_lowercase();
        self.header.iter().position(|h| h.to_lowercase() == want)
    }
}

/// The separator a file uses: the one of `,`, `;`, tab that splits its first line most often.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    let (comma, semi, tab) = (count(','), count(';'), count('\t'));
    if semi > comma && semi >= tab {
        b';'
    } else if tab > comma && tab > semi {
        b'\t'
    } else {
        b','
    }
}

/// The column headers of `text` (its first record), or nothing when it cannot be read.
pub fn read_header(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .next()
        .and_then(|r| r.ok())
        .map(|r| r.iter().map(|c| c.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// Splits `text` into a header and records. Refuses (with one sentence) an empty file, one with
/// no data rows, more than [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns, or one whose header
/// cannot be read; a data row that cannot be read is listed in `broken` and the rest is kept.
pub fn read_table(text: &str) -> Result<Table, Invalid> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Invalid::new(
            "file",
            "the file is empty; choose a CSV export with a header row",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|c| c.trim().to_owned()).collect(),
        Some(Err(e)) => {
            return Err(Invalid::new(
                "file",
                format!("the header row cannot be read ({}); is this a CSV file?", reason(&e)),
            ))
        }
        None => {
            return Err(Invalid::new(
                "file",
                "the file is empty; choose a CSV export with a header row",
            ))
        }
    };
    if header.len() > MAX_COLUMNS {
        return Err(Invalid::new(
            "file",
            format!(
                "the file has {} columns; at most {MAX_COLUMNS} can be read",
                header.len()
            ),
        ));
    }
    if header.iter().all(|h| h.is_empty()) {
        return Err(Invalid::new(
            "file",
            "the first row has no column names; the file needs a header row",
        ));
    }
    let mut table = Table {
        header,
        records: Vec::new(),
        broken: Vec::new(),
    };
    // The csv crate miscounts lines after a CRLF, so lines are counted here from byte offsets
    // (a record may start on the '\n' of the previous record's CRLF).
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    let mut line_at = |byte: u64| -> u64 {
        let mut at = (byte as usize).min(bytes.len());
        if bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        if at > counted_to {
            newlines += bytes[counted_to..at].iter().filter(|&&b| b == b'\n').count() as u64;
            counted_to = at;
        }
        newlines + 1
    };
    for rec in records {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| line_at(p.byte()));
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if table.records.len() == MAX_ROWS {
                    return Err(Invalid::new(
                        "file",
                        format!(
                            "the file has more than {MAX_ROWS} rows; split it and import the parts one after another"
                        ),
                    ));
                }
                let mut cells: Vec<String> = r.iter().map(|c| c.to_owned()).collect();
                if cells.len() > table.header.len() && cells[table.header.len()..].iter().any(|c| !c.is_empty()) {
                    table.broken.push((
                        line,
                        format!(
                            "it has {} cells but the header has {} columns; check for an unquoted comma",
                            cells.len(),
                            table.header.len()
                        ),
                    ));
                    continue;
                }
                cells.resize(table.header.len(), String::new());
                table.records.push(Record { line, cells });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                table.broken.push((line, format!("it cannot be read ({})", reason(&e))));
            }
        }
    }
    if table.records.is_empty() && table.broken.is_empty() {
        return Err(Invalid::new("file", "the file has a header but no rows to import"));
    }
    Ok(table)
}

/// The text of a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with its
/// byte-order mark (what Excel writes as "Unicode text"). Anything else is refused with a
/// sentence that says how to save the file.
pub fn decode(bytes: &[u8]) -> Result<String, Invalid> {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| {
                if be {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    };
    text.ok_or_else(|| {
        Invalid::new(
            "file",
            "the file is not UTF-8 text; in a spreadsheet, save it as \"CSV UTF-8\" and import that",
        )
    })
}

fn reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text; save the file as \"CSV UTF-8\"".to_owned(),
        other => shown(&format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_quotes_and_newlines() {
        let t = read_table("\u{FEFF}id,title\r\n1,\"a, b\"\r\n2,\"two\r\nlines \"\"quoted\"\"\"\r\n").unwrap();
        assert_eq!(t.header, vec!["id", "title"]);
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.records[0].cells[1], "a, b");
        assert_eq!(t.records[1].cells[1], "two\r\nlines \"quoted\"");
        assert_eq!(t.records[0].line, 2);
        assert_eq!(t.records[1].line, 3);
    }

    #[test]
    fn utf16_and_latin1() {
        let mut le = vec![0xFF, 0xFE];
        for u in "a,b\n".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "a,b\n");
        assert!(decode(b"caf\xe9,1").is_err());
    }

    #[test]
    fn semicolons_and_short_rows() {
        let t = read_table("a;b;c\n1;2\n").unwrap();
        assert_eq!(t.records[0].cells, vec!["1", "2", ""]);
    }

    #[test]
    fn too_many_cells_is_a_broken_row_not_a_failure() {
        let t = read_table("a,b\n1,2\n1,2,3\n4,5\n").unwrap();
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.broken.len(), 1);
        assert_eq!(t.broken[0].0, 3);
    }

    #[test]
    fn empty_and_header_only_files_are_refused() {
        assert!(read_table("").is_err());
        assert!(read_table("\u{FEFF}\r\n").is_err());
        assert!(read_table("a,b\r\n").is_err());
    }
}
