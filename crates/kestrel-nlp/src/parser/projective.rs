//! Pseudo-projective parsing (Nivre & Nilsson 2005, the "Head" encoding).
//!
//! A transition parser of the arc-hybrid kind builds projective trees only. Before training,
//! each non-projective arc is lifted to its grandparent until the tree is projective, and the
//! lifted word's label records the label of the head it left (`obl|advcl`). After parsing,
//! a word with such a label is moved back down: into the subtree of its head, to the first
//! word (breadth first) that carries the recorded label.
//!
//! Heads here are 1-based with 0 for the root, as in CoNLL-U.

/// Separates a label from the label of the head its word was lifted from.
pub const LIFT_MARK: char = '|';

/// True when `anc` dominates `node` (is an ancestor of it, or the same word).
fn dominates(heads: &[usize], anc: usize, mut node: usize) -> bool {
    // heads[i-1] is the head of word i; word 0 is the root.
    let mut steps = 0;
    loop {
        if node == anc {
            return true;
        }
        if node == 0 || steps > heads.len() {
            return false;
        }
        node = heads[node - 1];
        steps += 1;
    }
}

/// True when the arc into word `d` (1-based) is non-projective.
fn is_nonprojective(heads: &[usize], d: usize) -> bool {
    let h = heads[d - 1];
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).any(|k| !dominates(heads, h, k))
}

/// True when every arc is projective.
pub fn is_projective(heads: &[usize]) -> bool {
    (1..=heads.len()).all(|d| !is_nonprojective(heads, d))
}

/// Lifts non-projective arcs until the tree is projective; returns the new heads and labels.
pub fn projectivize(heads: &[usize], labels: &[String]) -> (Vec<usize>, Vec<String>) {
    let mut heads = heads.to_vec();
    let mut labels = labels.to_vec();
    let original: Vec<String> = labels.clone();
    let mut lifted = vec![false; heads.len()];
    let mut guard = 0;
    loop {
        // The shortest non-projective arc is lifted first.
        let worst = (1..=heads.len())
            .filter(|&d| heads[d - 1] != 0 && is_nonprojective(&heads, d))
            .min_by_key(|&d| (heads[d - 1].abs_diff(d), d));
        let Some(d) = worst else { break };
        let h = heads[d - 1];
        if !lifted[d - 1] {
            labels[d - 1] = format!("{}{LIFT_MARK}{}", original[d - 1], base(&original[h - 1]));
            lifted[d - 1] = true;
        }
        heads[d - 1] = heads[h - 1];
        guard += 1;
        if guard > heads.len() * heads.len() + 10 {
            break;
        }
    }
    (heads, labels)
}

/// The label without its subtype ("obl:tmod" → "obl"): lifting records only the base.
fn base(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

/// Moves lifted words back under the head their label names, and strips the mark.
pub fn deprojectivize(heads: &mut [usize], labels: &mut [&'static str]) {
    let n = heads.len();
    let order = breadth_first(heads);
    for d in order {
        let Some((own, wanted)) = labels[d - 1].split_once(LIFT_MARK) else {
            continue;
        };

        let h = heads[d - 1];
        // Search the subtree of the current head, not going into d's own subtree.
        let mut queue = std::collections::VecDeque::from([h]);
        let mut found = None;
        while let Some(x) = queue.pop_front() {
            for c in 1..=n {
                if heads[c - 1] == x && c != d {
                    if base(labels[c - 1]) == wanted && !dominates(heads, d, c) {
                        found = Some(c);
                        break;
                    }
                    queue.push_back(c);
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(new_head) = found {
            heads[d - 1] = new_head;
        }
        labels[d - 1] = own;
    }
}

fn breadth_first(heads: &[usize]) -> Vec<usize> {
    let n = heads.len();
    let mut out = Vec::with_capacity(n);
    let mut queue = std::collections::VecDeque::from([0usize]);
    let mut seen = vec![false; n + 1];
    while let Some(x) = queue.pop_front() {
        for c in 1..=n {
            if heads[c - 1] == x && !seen[c] {
                seen[c] = true;
                out.push(c);
                queue.push_back(c);
            }
        }
    }
    // Words in a cycle (which a parser never makes) would be missed; add them at the end.
    out.extend((1..=n).filter(|&c| !seen[c]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn projective_round_trip() {
        // "A hearing is scheduled on the issue today": "on the issue" (6..8) attaches to
        // "hearing" (2) across "scheduled" (4), a classic non-projective arc.
        let heads = vec![2, 4, 4, 0, 7, 7, 2, 4];
        let labs = labels(&["det", "nsubj", "aux", "root", "case", "det", "nmod", "obl"]);
        assert!(!is_projective(&heads));
        let (ph, pl) = projectivize(&heads, &labs);
        assert!(is_projective(&ph));
        assert_eq!(pl[6], "nmod|nsubj");
        let (mut h, l) = (ph, pl);
        let mut l: Vec<&'static str> = l.iter().map(|x| super::super::intern(x)).collect();
        deprojectivize(&mut h, &mut l);
        assert_eq!(h, heads);
        assert_eq!(l, labs);
    }

    #[test]
    fn projective_tree_is_left_alone() {
        let heads = vec![2, 0, 2];
        let labs = labels(&["nsubj", "root", "obj"]);
        assert_eq!(projectivize(&heads, &labs), (heads, labs));
    }
}
