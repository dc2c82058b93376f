//! The structure graph as inline SVG: boxes in the columns [`layout`] chose, curved edges, trade
//! and IM customer service marked on the boxes where their code is. Labels are escaped.
//!
//! A graph of thousands of nodes is unreadable and heavy, so at most [`MAX_NODES`] are drawn:
//! the pages that trade or show customer service first, each with everything it uses.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::escape::escape;
use super::layout::layout;
use crate::base::message::Catalogue;
use crate::base::messages;
use crate::engine::summary::{Graph, NodeKind};

/// The most nodes drawn.
pub const MAX_NODES: usize = 200;

const NODE_H: f64 = 26.0;
const ROW_GAP: f64 = 10.0;
const COLUMN_GAP: f64 = 64.0;
const PAD: f64 = 12.0;
const HEADER_H: f64 = 30.0;
/// Labels longer than this many characters are cut at the start (the end of a path says most).
const LABEL_CHARS: usize = 34;
const MIN_W: f64 = 96.0;
const BADGE_W: f64 = 20.0;

/// The nodes to draw: all of them if few enough, else pages in order of interest, each with
/// everything it reaches, while they fit.
fn select(graph: &Graph) -> Vec<usize> {
    let n = graph.nodes.len();
    if n <= MAX_NODES {
        return (0..n).collect();
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &graph.edges {
        if a < n && b < n {
            out[a].push(b);
        }
    }
    let pages: Vec<usize> = (0..n)
        .filter(|&i| graph.nodes[i].kind == NodeKind::Page)
        .collect();
    let marked = |i: usize| graph.nodes[i].trades || graph.nodes[i].im;
    // Pages whose own code trades or serves, then pages that reach such code, then the rest.
    let reach = |start: usize| {
        let mut seen = BTreeSet::from([start]);
        let mut todo = vec![start];
        while let Some(v) = todo.pop() {
            for &w in &out[v] {
                if seen.insert(w) {
                    todo.push(w);
                }
            }
        }
        seen
    };
    let mut ranked: Vec<(u8, usize, BTreeSet<usize>)> = pages
        .iter()
        .map(|&p| {
            let reached = reach(p);
            let rank = if marked(p) {
                0
            } else if reached.iter().any(|&v| marked(v)) {
                1
            } else {
                2
            };
            (rank, p, reached)
        })
        .collect();
    ranked.sort_by_key(|(rank, page, _)| (*rank, *page));
    let mut kept: BTreeSet<usize> = BTreeSet::new();
    for (_, _, reached) in ranked {
        let new = reached.difference(&kept).count();
        if kept.len() + new > MAX_NODES {
            if kept.is_empty() {
                kept.extend(reached.into_iter().take(MAX_NODES));
            }
            continue;
        }
        kept.extend(reached);
    }
    kept.into_iter().collect()
}

/// The width a label takes at the graph's font size: wide (CJK) characters count double.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 7.2 } else { 12.5 })
        .sum()
}

/// A label short enough for a box: long ones keep their end.
fn short(label: &str) -> String {
    let count = label.chars().count();
    if count <= LABEL_CHARS {
        return label.to_string();
    }
    let tail: String = label.chars().skip(count - (LABEL_CHARS - 1)).collect();
    format!("…{tail}")
}

fn column_title(kinds: &BTreeSet<NodeKind>, text: &Catalogue) -> String {
    let message = if kinds.contains(&NodeKind::Page) {
        messages::report_graph_column_pages()
    } else if kinds.iter().all(|&k| k == NodeKind::Module) {
        messages::report_graph_column_modules()
    } else {
        messages::report_graph_column_components()
    };
    text.render(&message)
}

/// The graph as a `<figure>`: the SVG, a note when it is cut, and a legend.
pub fn figure(graph: &Graph, text: &Catalogue) -> String {
    let t = |m| escape(&text.render(&m));
    if graph.nodes.is_empty() {
        return format!(
            "<p class=\"empty\">{}</p>\n",
            t(messages::report_graph_empty())
        );
    }
    let keep = select(graph);
    let mut local = vec![usize::MAX; graph.nodes.len()];
    for (i, &node) in keep.iter().enumerate() {
        local[node] = i;
    }
    let nodes: Vec<_> = keep.iter().map(|&i| &graph.nodes[i]).collect();
    let edges: Vec<(usize, usize)> = graph
        .edges
        .iter()
        .filter_map(|&(a, b)| {
            let (a, b) = (*local.get(a)?, *local.get(b)?);
            (a != usize::MAX && b != usize::MAX).then_some((a, b))
        })
        .collect();
    let kinds: Vec<NodeKind> = nodes.iter().map(|n| n.kind).collect();
    let columns = layout(&kinds, &edges);

    // Widths: one per column, for its longest label.
    let labels: Vec<String> = nodes.iter().map(|n| short(&n.label)).collect();
    let mut column_of = vec![0usize; nodes.len()];
    let mut widths = Vec::with_capacity(columns.len());
    let mut xs = Vec::with_capacity(columns.len());
    let mut x = PAD;
    for (c, column) in columns.iter().enumerate() {
        let badges =
            |v: usize| BADGE_W * (usize::from(nodes[v].trades) + usize::from(nodes[v].im)) as f64;
        let w = column
            .iter()
            .map(|&v| text_width(&labels[v]) + 20.0 + badges(v))
            .fold(MIN_W, f64::max)
            .ceil();
        for &v in column {
            column_of[v] = c;
        }
        widths.push(w);
        xs.push(x);
        x += w + COLUMN_GAP;
    }
    let width = (x - COLUMN_GAP + PAD).ceil();
    // Heights: the first column stacked from the top; every other node level with the mean of
    // its neighbours in earlier columns, pushed down only as far as the node above it needs.
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for &(a, b) in &edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let step = NODE_H + ROW_GAP;
    let mut y = vec![0.0f64; nodes.len()];
    for (c, column) in columns.iter().enumerate() {
        let mut free = PAD + HEADER_H;
        for &v in column {
            let earlier: Vec<f64> = neighbours[v]
                .iter()
                .filter(|&&u| column_of[u] < c)
                .map(|&u| y[u])
                .collect();
            let wanted = if earlier.is_empty() {
                free
            } else {
                (earlier.iter().sum::<f64>() / earlier.len() as f64).round()
            };
            y[v] = wanted.max(free);
            free = y[v] + step;
        }
    }
    let height = (y.iter().copied().fold(0.0, f64::max) + NODE_H + PAD).ceil();
    let y_of = |v: usize| y[v];

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        t(messages::report_graph_heading())
    );
    // A title over the first column of each kind: nested components and modules loading
    // modules take several columns.
    let mut previous = String::new();
    for (c, column) in columns.iter().enumerate() {
        let present: BTreeSet<NodeKind> = column.iter().map(|&v| nodes[v].kind).collect();
        let title = column_title(&present, text);
        if title != previous {
            let _ = writeln!(
                svg,
                "<text class=\"col-title\" x=\"{}\" y=\"{}\">{}</text>",
                xs[c],
                PAD + 12.0,
                escape(&title)
            );
        }
        previous = title;
    }
    svg.push_str("<g class=\"edges\">\n");
    for &(a, b) in &edges {
        let (ca, cb) = (column_of[a], column_of[b]);
        let (ya, yb) = (y_of(a) + NODE_H / 2.0, y_of(b) + NODE_H / 2.0);
        let start = xs[ca] + widths[ca];
        let d = if cb > ca {
            let end = xs[cb];
            let bend = ((end - start) / 2.0).max(24.0);
            format!(
                "M{start} {ya} C{} {ya} {} {yb} {end} {yb}",
                start + bend,
                end - bend
            )
        } else {
            // Back to an earlier or the same column (a cycle, a component using its sibling):
            // a loop out to the right of both boxes.
            let end = xs[cb] + widths[cb];
            let out = start.max(end) + 28.0;
            format!("M{start} {ya} C{out} {ya} {out} {yb} {end} {yb}")
        };
        let class = if cb > ca { "edge" } else { "edge back" };
        let _ = writeln!(
            svg,
            "<path class=\"{class}\" data-from=\"{a}\" data-to=\"{b}\" d=\"{d}\"/>"
        );
    }
    svg.push_str("</g>\n<g class=\"nodes\">\n");
    for (v, node) in nodes.iter().enumerate() {
        let c = column_of[v];
        let (x, y, w) = (xs[c], y_of(v), widths[c]);
        let mut class = format!("node k-{}", node.kind.as_str());
        if node.trades {
            class.push_str(" trade");
        }
        if node.im {
            class.push_str(" im");
        }
        let _ = write!(
            svg,
            "<g class=\"{class}\" data-node=\"{v}\" data-label=\"{}\" transform=\"translate({x} {y})\"><title>{}</title><rect width=\"{w}\" height=\"{NODE_H}\" rx=\"6\"/><text x=\"10\" y=\"17\">{}</text>",
            escape(&node.label),
            escape(&node.label),
            escape(&labels[v])
        );
        let mut badge_x = w - 4.0;
        if node.im {
            badge_x -= BADGE_W;
            let _ = write!(
                svg,
                "<g class=\"badge b-im\" transform=\"translate({badge_x} 4)\"><rect width=\"18\" height=\"18\" rx=\"9\"/><text x=\"9\" y=\"13\">IM</text></g>"
            );
        }
        if node.trades {
            badge_x -= BADGE_W;
            let _ = write!(
                svg,
                "<g class=\"badge b-trade\" transform=\"translate({badge_x} 4)\"><rect width=\"18\" height=\"18\" rx=\"9\"/><text x=\"9\" y=\"13\">¥</text></g>"
            );
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</g>\n</svg>\n");

    let mut html = String::from("<figure class=\"graph-figure\">\n");
    if keep.len() < graph.nodes.len() {
        let _ = writeln!(
            html,
            "<p class=\"note\">{}</p>",
            t(messages::report_graph_truncated(
                keep.len(),
                graph.nodes.len()
            ))
        );
    }
    let _ = write!(html, "<div class=\"graph-wrap\">\n{svg}</div>\n");
    let legend = [
        ("k-page", messages::report_legend_page()),
        ("k-component", messages::report_legend_component()),
        ("k-template", messages::report_legend_template()),
        ("k-module", messages::report_legend_module()),
        ("b-trade", messages::report_legend_trade()),
        ("b-im", messages::report_legend_im()),
    ];
    html.push_str("<figcaption class=\"legend\">");
    for (class, label) in legend {
        let _ = write!(
            html,
            "<span class=\"key {class}\"><i></i>{}</span>",
            t(label)
        );
    }
    html.push_str("</figcaption>\n</figure>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::message::Lang;
    use crate::engine::summary::Node;

    fn node(label: &str, kind: NodeKind) -> Node {
        Node {
            label: label.into(),
            kind,
            trades: false,
            im: false,
        }
    }

    #[test]
    fn labels_are_escaped_and_long_ones_keep_their_end() {
        let graph = Graph {
            nodes: vec![
                node("pages/index/index", NodeKind::Page),
                node("utils/<img src=x onerror=alert(1)>.js", NodeKind::Module),
            ],
            edges: vec![(0, 1)],
        };
        let html = figure(&graph, &Catalogue::new(Lang::En));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;.js"));
        assert_eq!(
            short("components/a-very-long-folder-name/and-a-component/index"),
            "…folder-name/and-a-component/index"
        );
    }

    #[test]
    fn large_graphs_keep_the_interesting_pages() {
        let mut nodes: Vec<Node> = (0..MAX_NODES + 50)
            .map(|i| node(&format!("pages/p{i}/index"), NodeKind::Page))
            .collect();
        nodes[MAX_NODES + 10].trades = true;
        let graph = Graph {
            nodes,
            edges: Vec::new(),
        };
        let kept = select(&graph);
        assert_eq!(kept.len(), MAX_NODES);
        assert!(
            kept.contains(&(MAX_NODES + 10)),
            "the trading page is drawn"
        );
    }
}
