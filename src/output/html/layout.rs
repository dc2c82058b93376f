//! A layered drawing of the structure graph (Sugiyama, kept small): pages in the first column,
//! the components and templates they render in the next ones, the modules their scripts load
//! last; then the order within each column is chosen to cross few edges.
//!
//! Done here, in Rust, so the report needs no graph library and draws the same everywhere.

use std::collections::BTreeMap;

use crate::engine::summary::NodeKind;

/// Barycenter sweeps; a handful settles graphs of a few hundred nodes.
const SWEEPS: usize = 8;
/// Above this many edges, crossings are not counted (the last sweep's order is kept).
const COUNT_LIMIT: usize = 4000;

/// Columns left to right, each listing its nodes top to bottom.
pub type Columns = Vec<Vec<usize>>;

/// Lays out a graph of `kinds.len()` nodes: the column of each node and the order in each.
pub fn layout(kinds: &[NodeKind], edges: &[(usize, usize)]) -> Columns {
    let n = kinds.len();
    let edges: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|&(a, b)| a < n && b < n && a != b)
        .collect();
    let dag = acyclic(n, &edges);
    let rank = ranks(kinds, &dag);
    let layers = rank.iter().copied().max().map_or(0, |m| m + 1);
    let mut columns: Columns = vec![Vec::new(); layers];
    for (node, &r) in rank.iter().enumerate() {
        columns[r].push(node);
    }
    order(&mut columns, &rank, &edges);
    columns
}

/// The edges without those closing a cycle (found by a depth-first search in node order), so
/// that ranks exist. Cycles are real: modules requiring each other, recursive components.
fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        out_edges[a].push(b);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut kept = Vec::with_capacity(edges.len());
    for start in 0..n {
        if state[start] != State::New {
            continue;
        }
        // An explicit stack: (node, next edge to look at). Graphs can be deep.
        let mut stack = vec![(start, 0)];
        state[start] = State::Open;
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            if let Some(&to) = out_edges[node].get(top.1) {
                top.1 += 1;
                match state[to] {
                    State::Open => {} // a back edge: it closes a cycle
                    State::Done => kept.push((node, to)),
                    State::New => {
                        kept.push((node, to));
                        state[to] = State::Open;
                        stack.push((to, 0));
                    }
                }
            } else {
                state[node] = State::Done;
                stack.pop();
            }
        }
    }
    kept
}

/// The column of every node: pages first; components and templates by their longest path from
/// a page; modules after all of those, by their longest path from a module a page or component
/// loads. `dag` has no cycles.
fn ranks(kinds: &[NodeKind], dag: &[(usize, usize)]) -> Vec<usize> {
    let n = kinds.len();
    let is_module = |v: usize| kinds[v] == NodeKind::Module;
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in dag {
        preds[b].push(a);
        succs[a].push(b);
        indegree[b] += 1;
    }
    // Kahn's topological order.
    let mut topo = Vec::with_capacity(n);
    let mut ready: Vec<usize> = (0..n).rev().filter(|&v| indegree[v] == 0).collect();
    while let Some(v) = ready.pop() {
        topo.push(v);
        for &w in succs[v].iter().rev() {
            indegree[w] -= 1;
            if indegree[w] == 0 {
                ready.push(w);
            }
        }
    }
    let mut rank = vec![0usize; n];
    for &v in &topo {
        rank[v] = match kinds[v] {
            NodeKind::Page => 0,
            NodeKind::Module => 0,
            _ => preds[v]
                .iter()
                .filter(|&&u| !is_module(u))
                .map(|&u| rank[u] + 1)
                .max()
                .unwrap_or(1)
                .max(1),
        };
    }
    let base = (0..n)
        .filter(|&v| !is_module(v))
        .map(|v| rank[v] + 1)
        .max()
        .unwrap_or(0);
    for &v in &topo {
        if is_module(v) {
            rank[v] = preds[v]
                .iter()
                .filter(|&&u| is_module(u))
                .map(|&u| rank[u] + 1)
                .max()
                .unwrap_or(base)
                .max(base);
        }
    }
    // Drop empty columns (a graph of pages and modules has no component column).
    let used: BTreeMap<usize, usize> = {
        let mut distinct: Vec<usize> = rank.clone();
        distinct.sort_unstable();
        distinct.dedup();
        distinct
            .into_iter()
            .enumerate()
            .map(|(i, r)| (r, i))
            .collect()
    };
    rank.iter()
        .map(|r| used.get(r).copied().unwrap_or(0))
        .collect()
}

/// Orders each column by the barycenter of its neighbours in the columns already placed,
/// sweeping right then left, and keeps the order with the fewest crossings.
fn order(columns: &mut Columns, rank: &[usize], edges: &[(usize, usize)]) {
    let n = rank.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut position = vec![0.0f64; n];
    let place = |columns: &Columns, position: &mut Vec<f64>| {
        for column in columns {
            let len = column.len() as f64;
            for (i, &v) in column.iter().enumerate() {
                position[v] = (i as f64 + 0.5) / len;
            }
        }
    };
    place(columns, &mut position);
    let mut best = columns.clone();
    let mut best_crossings = crossings(columns, rank, edges);
    for sweep in 0..SWEEPS {
        if best_crossings == Some(0) {
            break;
        }
        let right = sweep % 2 == 0;
        let layers: Vec<usize> = if right {
            (1..columns.len()).collect()
        } else {
            (0..columns.len().saturating_sub(1)).rev().collect()
        };
        for layer in layers {
            let key = |v: usize| {
                let fixed: Vec<f64> = neighbours[v]
                    .iter()
                    .filter(|&&u| {
                        if right {
                            rank[u] < layer
                        } else {
                            rank[u] > layer
                        }
                    })
                    .map(|&u| position[u])
                    .collect();
                if fixed.is_empty() {
                    position[v]
                } else {
                    fixed.iter().sum::<f64>() / fixed.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> =
                columns[layer].iter().map(|&v| (key(v), v)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            columns[layer] = keyed.into_iter().map(|(_, v)| v).collect();
            let len = columns[layer].len() as f64;
            for (i, &v) in columns[layer].iter().enumerate() {
                position[v] = (i as f64 + 0.5) / len;
            }
        }
        let now = crossings(columns, rank, edges);
        if let (Some(now), Some(best_so_far)) = (now, best_crossings)
            && now < best_so_far
        {
            best = columns.clone();
            best_crossings = Some(now);
        } else if now.is_none() {
            best = columns.clone();
        }
    }
    *columns = best;
}

/// Crossings between edges joining the same pair of columns; `None` for graphs too large to
/// count.
fn crossings(columns: &Columns, rank: &[usize], edges: &[(usize, usize)]) -> Option<usize> {
    if edges.len() > COUNT_LIMIT {
        return None;
    }
    let mut index = vec![0usize; rank.len()];
    for column in columns {
        for (i, &v) in column.iter().enumerate() {
            index[v] = i;
        }
    }
    let mut by_span: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for &(a, b) in edges {
        let (top, bottom) = if rank[a] <= rank[b] { (a, b) } else { (b, a) };
        by_span
            .entry((rank[top], rank[bottom]))
            .or_default()
            .push((index[top], index[bottom]));
    }
    let mut count = 0;
    for list in by_span.values() {
        for (i, &(a1, b1)) in list.iter().enumerate() {
            for &(a2, b2) in &list[i + 1..] {
                if (a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2) {
                    count += 1;
                }
            }
        }
    }
    Some(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeKind::*;

    #[test]
    fn pages_then_components_and_templates_then_modules() {
        // 0 page → 1 component → 2 component; 0 → 3 template; 1 → 4 module → 5 module; 0 → 5.
        let kinds = [Page, Component, Component, Template, Module, Module];
        let edges = [(0, 1), (1, 2), (0, 3), (1, 4), (4, 5), (0, 5)];
        let columns = layout(&kinds, &edges);
        assert_eq!(
            columns,
            vec![vec![0], vec![1, 3], vec![2], vec![4], vec![5]]
        );
    }

    #[test]
    fn crossings_are_removed() {
        // Two pages, each rendering the other's neighbour first: [2, 3] crosses, [3, 2] not.
        let kinds = [Page, Page, Component, Component];
        let edges = [(0, 3), (1, 2)];
        let columns = layout(&kinds, &edges);
        let rank = [0, 0, 1, 1];
        assert_eq!(crossings(&columns, &rank, &edges), Some(0));
        assert_eq!(columns[1], vec![3, 2]);
    }

    #[test]
    fn cycles_and_bad_edges_do_not_stop_the_layout() {
        let kinds = [Page, Module, Module, Component, Component];
        let edges = [
            (0, 1),
            (1, 2),
            (2, 1),
            (0, 3),
            (3, 4),
            (4, 3),
            (9, 0),
            (2, 2),
        ];
        let columns = layout(&kinds, &edges);
        let mut all: Vec<usize> = columns.concat();
        all.sort_unstable();
        assert_eq!(all, vec![0, 1, 2, 3, 4], "every node placed once");
        assert_eq!(columns[0], vec![0]);
    }

    #[test]
    fn an_empty_graph_has_no_columns() {
        assert!(layout(&[], &[]).is_empty());
    }
}
