//! Several parsers' trees made one: each arc scores the votes of the parsers that chose it,
//! and the tree is the maximum spanning tree over those scores (Chu-Liu-Edmonds), as Sagae
//! and Lavie (2006) combine parsers. Parsers that search differently, or read the sentence
//! from the other end, err in different places, and where two of three agree the head is
//! more often right than any one parser's.

/// An arc no parser chose.
const NO_ARC: f32 = -1.0e9;

/// The tree (heads, slot 0 the root's) whose arcs carry the most weight among `trees`, each
/// a complete tree over the same words (heads, slot 0 unused) with its parser's weight. The
/// first tree's parser decides ties, and the root takes one word: the one the first tree hangs
/// on it, when the best tree would hang more.
pub(super) fn combine(trees: &[(&[usize], f32)]) -> Vec<usize> {
    let (first, _) = trees[0];
    let n = first.len() - 1;
    let mut score = vec![vec![NO_ARC; n + 1]; n + 1];
    for &(heads, weight) in trees {
        for d in 1..=n {
            let h = heads[d];
            if score[h][d] == NO_ARC {
                score[h][d] = 0.0;
            }
            score[h][d] += weight;
        }
    }
    let heads = maximum_spanning_tree(&score, first);
    if heads[1..].iter().filter(|&&h| h == 0).count() <= 1 {
        return heads;
    }
    // The first tree is complete and hangs one word on the root, so a tree remains.
    for d in 1..=n {
        if first[d] != 0 {
            score[0][d] = NO_ARC;
        }
    }
    maximum_spanning_tree(&score, first)
}

/// The tree (heads, slot 0 unused) that maximises the sum of `scores[d][h]` (word `h` as the
/// head of word `d`, 0 the root; row 0 unused) with one word on the root: the word whose root
/// arc scores best against its best other head.
pub(super) fn best_tree(scores: &[Vec<f32>]) -> Vec<usize> {
    let m = scores.len();
    let mut score = vec![vec![NO_ARC; m]; m];
    for (d, row) in scores.iter().enumerate().skip(1) {
        for (h, &v) in row.iter().enumerate() {
            if h != d {
                score[h][d] = v;
            }
        }
    }
    let greedy: Vec<usize> = (0..m)
        .map(|d| {
            (0..m)
                .filter(|&h| h != d)
                .max_by(|&a, &b| score[a][d].total_cmp(&score[b][d]))
                .unwrap_or(0)
        })
        .collect();
    let heads = maximum_spanning_tree(&score, &greedy);
    if heads[1..].iter().filter(|&&h| h == 0).count() <= 1 {
        return heads;
    }
    let margin = |d: usize| {
        let other = (1..m)
            .filter(|&h| h != d)
            .map(|h| score[h][d])
            .fold(NO_ARC, f32::max);
        score[0][d] - other
    };
    let root_child = (1..m)
        .filter(|&d| heads[d] == 0)
        .max_by(|&a, &b| margin(a).total_cmp(&margin(b)))
        .unwrap_or(1);
    for (d, arc) in score[0].iter_mut().enumerate().skip(1) {
        if d != root_child {
            *arc = NO_ARC;
        }
    }
    maximum_spanning_tree(&score, &greedy)
}

/// The maximum spanning arborescence rooted at node 0 of the graph whose arc `h -> d`
/// scores `score[h][d]` ([`NO_ARC`] where there is none; every node must be reachable).
/// `prefer` (heads) breaks ties between equal arcs into a node.
fn maximum_spanning_tree(score: &[Vec<f32>], prefer: &[usize]) -> Vec<usize> {
    let m = score.len();
    let mut best = vec![0usize; m];
    for d in 1..m {
        let mut h_best = usize::MAX;
        for h in 0..m {
            if h == d {
                continue;
            }
            let better = h_best == usize::MAX
                || score[h][d] > score[h_best][d]
                || (score[h][d] == score[h_best][d] && prefer.get(d) == Some(&h));
            if better {
                h_best = h;
            }
        }
        best[d] = h_best;
    }
    let Some(cycle) = find_cycle(&best) else {
        return best;
    };
    // Contract the cycle into one node, `c`, and solve the smaller graph.
    let in_cycle: Vec<bool> = (0..m).map(|v| cycle.contains(&v)).collect();
    let outside: Vec<usize> = (0..m).filter(|&v| !in_cycle[v]).collect();
    let c = outside.len();
    let mut index = vec![usize::MAX; m];
    for (i, &v) in outside.iter().enumerate() {
        index[v] = i;
    }
    let mut small = vec![vec![NO_ARC; c + 1]; c + 1];
    // For each outside node: the cycle word its arc into the cycle would enter at, and the
    // cycle word an arc out of the cycle to it would leave from.
    let mut enters = vec![usize::MAX; m];
    let mut leaves = vec![usize::MAX; m];
    for &u in &outside {
        for &v in &outside {
            small[index[u]][index[v]] = score[u][v];
        }
        for &v in &cycle {
            // Entering at v breaks the cycle's arc into v.
            let gain = score[u][v] - score[best[v]][v];
            if enters[u] == usize::MAX || gain > small[index[u]][c] {
                small[index[u]][c] = gain;
                enters[u] = v;
            }
            if leaves[u] == usize::MAX || score[v][u] > small[c][index[u]] {
                small[c][index[u]] = score[v][u];
                leaves[u] = v;
            }
        }
    }
    let small_prefer: Vec<usize> = outside
        .iter()
        .map(|&v| {
            prefer
                .get(v)
                .and_then(|&h| index.get(h))
                .map_or(usize::MAX, |&i| i.min(c))
        })
        .chain(std::iter::once(usize::MAX))
        .collect();
    let small_heads = maximum_spanning_tree(&small, &small_prefer);
    let mut heads = best;
    for &v in outside.iter().skip(1) {
        let h = small_heads[index[v]];
        heads[v] = if h == c { leaves[v] } else { outside[h] };
    }
    let entering_from = outside[small_heads[c]];
    heads[enters[entering_from]] = entering_from;
    heads
}

/// A cycle among the heads (slot 0 the root's, never part of one), as its nodes.
fn find_cycle(heads: &[usize]) -> Option<Vec<usize>> {
    // 0: not visited, 1: on the current walk, 2: done.
    let mut state = vec![0u8; heads.len()];
    state[0] = 2;
    for start in 1..heads.len() {
        let mut v = start;
        let mut walk = Vec::new();
        while state[v] == 0 {
            state[v] = 1;
            walk.push(v);
            v = heads[v];
        }
        if state[v] == 1 {
            let from = walk.iter().position(|&w| w == v).expect("on the walk");
            return Some(walk[from..].to_vec());
        }
        for w in walk {
            state[w] = 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_parsers_that_agree_outvote_the_first() {
        // Word 2's head: 1 in the first tree, 3 in the other two.
        let a = [0, 0, 1, 1];
        let b = [0, 0, 3, 1];
        assert_eq!(
            combine(&[(&a, 1.1), (&b, 1.0), (&b, 1.0)]),
            vec![0, 0, 3, 1]
        );
        // Each alone: the first decides.
        let c = [0, 0, 1, 2];
        assert_eq!(combine(&[(&a, 1.1), (&b, 1.0), (&c, 1.0)]), a.to_vec());
    }

    #[test]
    fn a_cycle_of_votes_is_broken_where_it_costs_least() {
        // The votes make 2 and 3 each other's heads; the tree keeps the heavier arc.
        let a = [0, 0, 1, 2];
        let b = [0, 0, 3, 1];
        let c = [0, 0, 3, 2];
        let heads = combine(&[(&a, 1.1), (&b, 1.0), (&c, 1.0)]);
        assert!(find_cycle(&heads).is_none(), "{heads:?}");
        assert_eq!(heads[1], 0);
        // 3 -> 2 (2.0) and 2 -> 3 (2.1) cannot both stay; the best tree keeps 2 -> 3 and 1 -> 2.
        assert_eq!(heads, vec![0, 0, 1, 2]);
    }

    #[test]
    fn the_root_takes_one_word() {
        // Two parsers hang word 2 on the root as well; the first tree's root word stays alone.
        let a = [0, 0, 1, 1];
        let b = [0, 0, 0, 1];
        let heads = combine(&[(&a, 1.1), (&b, 1.0), (&b, 1.0)]);
        assert_eq!(heads[1..].iter().filter(|&&h| h == 0).count(), 1);
        assert_eq!(heads, vec![0, 0, 1, 1]);
    }

    #[test]
    fn the_spanning_tree_contracts_nested_cycles() {
        // A dense graph whose greedy best heads form the cycle 1 -> 2 -> 3 -> 1.
        let mut s = vec![vec![NO_ARC; 5]; 5];
        s[2][1] = 10.0;
        s[3][2] = 10.0;
        s[1][3] = 10.0;
        s[0][1] = 1.0;
        s[0][2] = 5.0;
        s[1][4] = 3.0;
        s[4][3] = 9.5;
        let heads = maximum_spanning_tree(&s, &[]);
        assert!(find_cycle(&heads).is_none());
        // Against every tree the graph holds:
        let total = |h: &[usize]| (1..5).map(|d| s[h[d]][d]).sum::<f32>();
        let mut best_total = f32::MIN;
        for h1 in 0..5 {
            for h2 in 0..5 {
                for h3 in 0..5 {
                    for h4 in 0..5 {
                        let h = [0, h1, h2, h3, h4];
                        if (1..5).any(|d| h[d] == d || s[h[d]][d] == NO_ARC)
                            || find_cycle(&h).is_some()
                        {
                            continue;
                        }
                        best_total = best_total.max(total(&h));
                    }
                }
            }
        }
        assert_eq!(total(&heads), best_total);
    }

    #[test]
    fn the_best_tree_of_scores_hangs_one_word_on_the_root() {
        // scores[d][h]: words 1 and 3 each score best on the root; word 3 by more. Word 2
        // leans on word 3, word 1 next on word 2.
        let scores = vec![
            vec![0.0; 4],
            vec![2.0, 0.0, 1.5, 0.0],
            vec![0.0, 0.5, 0.0, 2.0],
            vec![5.0, 0.0, 1.0, 0.0],
        ];
        assert_eq!(best_tree(&scores), vec![0, 2, 3, 0]);
        // A cycle of best heads is broken.
        let cyclic = vec![vec![0.0; 3], vec![1.0, 0.0, 3.0], vec![0.5, 3.0, 0.0]];
        assert_eq!(best_tree(&cyclic), vec![0, 0, 1]);
    }
}
