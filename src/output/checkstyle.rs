//! `--format checkstyle`: the Checkstyle XML many CI systems and code-review tools read.

use std::io::{self, Write};

use super::xml::escape;
use crate::base::message::Catalogue;
use crate::engine::report::Report;

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>")?;
    writeln!(out, "<checkstyle version=\"4.3\">")?;
    let mut current: Option<&str> = None;
    for d in &report.diagnostics {
        let file = report.file(d.file).display.as_str();
        if current != Some(file) {
            if current.is_some() {
                writeln!(out, "  </file>")?;
            }
            writeln!(out, "  <file name=\"{}\">", escape(file))?;
            current = Some(file);
        }
        let (start, _) = report.range(d);
        writeln!(
            out,
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"ttlint.{}\"/>",
            start.line,
            start.column,
            d.severity.as_str(),
            escape(&text.render(&d.message)),
            d.rule.id
        )?;
    }
    if current.is_some() {
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
