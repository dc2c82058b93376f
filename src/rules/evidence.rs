//! Evidence several rules attach to their findings as related locations.

use crate::analysis::trade::TradeSite;
use crate::base::diagnostic::Diagnostic;
use crate::base::messages;

/// Shows the first `max` trade sites as related locations of a finding.
pub fn with_trade_sites(mut d: Diagnostic, sites: &[TradeSite], max: usize) -> Diagnostic {
    for site in sites.iter().take(max) {
        d = d.with_related(
            site.file,
            site.span,
            messages::label_trades_here(&site.what),
        );
    }
    d
}
