//! Beam search over transitions, and its training with early update (Collins & Roark 2004;
//! Zhang & Clark 2008): a few partial parses are kept at each step, and the model learns
//! from whole transition sequences rather than from one move at a time.
//!
//! The gold sequence is latent, as in Goldberg & Nivre's dynamic oracle: any sequence whose
//! moves all cost nothing (each keeps the whole gold tree reachable) is gold, and the
//! highest-scoring such sequence is the one the model is moved toward.

use super::{transition_features, State, Words};
use crate::perceptron::Perceptron;

/// One partial parse in the beam.
#[derive(Clone)]
struct Item {
    state: State,
    score: f32,
    /// The moves that led here, to replay for an update.
    moves: Vec<u8>,
    /// Every move so far kept the gold tree reachable (training only).
    gold: bool,
}

/// A move considered from one item: (score after the move, item index, move, costs nothing).
type Candidate = (f32, usize, usize, bool);

/// The valid moves from `item`, each with its score, added to `out`. A forced move (the only
/// valid one) is not scored, as in greedy parsing, and adds nothing to the score.
fn expand(
    model: &Perceptron,
    words: &Words,
    item: &Item,
    index: usize,
    costs: Option<[usize; 3]>,
    feats: &mut Vec<u64>,
    out: &mut Vec<Candidate>,
) {
    let valid = item.state.valid();
    let mut scores = [0.0f32; 3];
    if item.state.has_choice() {
        transition_features(words, &item.state, feats);
        model.score_into(feats, &mut scores);
    }
    for t in 0..3 {
        if valid[t] {
            let free = costs.is_some_and(|c| c[t] == 0);
            out.push((item.score + scores[t], index, t, item.gold && free));
        }
    }
}

/// Best first: by score, ties broken by item and move so that a parse does not depend on a
/// sort's stability.
fn rank(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
}

/// Keeps the `width` best candidates.
fn best_candidates(candidates: &mut Vec<Candidate>, width: usize) {
    candidates.sort_by(rank);
    candidates.truncate(width);
}

/// The beam after taking the chosen candidates' moves, each recorded for an update to replay
/// (training).
fn advance(beam: &[Item], candidates: &[Candidate], words: &Words) -> Vec<Item> {
    candidates
        .iter()
        .map(|&(score, i, t, gold)| {
            let mut item = beam[i].clone();
            item.state.apply(t, &words.kind);
            item.score = score;
            item.moves.push(t as u8);
            item.gold = gold;
            item
        })
        .collect()
}

/// [`advance`] for parsing, where no moves are recorded: the new beam is written into `out`,
/// whose items' memory is reused (a beam is copied at every step).
fn advance_into(beam: &[Item], candidates: &[Candidate], words: &Words, out: &mut Vec<Item>) {
    out.truncate(candidates.len());
    for (j, &(score, i, t, _)) in candidates.iter().enumerate() {
        if let Some(item) = out.get_mut(j) {
            item.state.copy_from(&beam[i].state);
        } else {
            out.push(beam[i].clone());
        }
        let item = &mut out[j];
        item.state.apply(t, &words.kind);
        item.score = score;
    }
}

/// Heads (index 0 the root's slot) of the best parse found with a beam of `width`.
pub(super) fn parse(model: &Perceptron, words: &Words, n: usize, width: usize) -> Vec<usize> {
    let mut beam = vec![Item {
        state: State::new(n),
        score: 0.0,
        moves: Vec::new(),
        gold: false,
    }];
    // Every item's features first, then their weights asked for together, then the scores:
    // the lookups are cache misses, and a beam's worth of them overlap.
    let mut feats: Vec<Vec<u64>> = vec![Vec::with_capacity(80); width];
    let mut candidates = Vec::new();
    let mut spare = Vec::with_capacity(width);
    while !beam[0].state.done() {
        candidates.clear();
        for (item, feats) in beam.iter().zip(feats.iter_mut()) {
            feats.clear();
            if item.state.has_choice() {
                transition_features(words, &item.state, feats);
                model.prefetch(feats);
            }
        }
        for (i, item) in beam.iter().enumerate() {
            let valid = item.state.valid();
            let mut scores = [0.0f32; 3];
            // An item with a forced move has no features and scores nothing, as in `expand`.
            model.score_into(&feats[i], &mut scores);
            for t in 0..3 {
                if valid[t] {
                    candidates.push((item.score + scores[t], i, t, false));
                }
            }
        }
        best_candidates(&mut candidates, width);
        advance_into(&beam, &candidates, words, &mut spare);
        std::mem::swap(&mut beam, &mut spare);
    }
    beam[0].state.heads()
}

/// One training step on a sentence with 1-based gold heads `gold` (slot 0 the root's) and
/// their `children`: decodes with the beam, and when no gold sequence is left in it (or the
/// best finished parse is not gold), rewards the best gold sequence's moves and penalises the
/// best sequence's, up to that step. Returns whether the model was updated.
pub(super) fn train_sentence(
    model: &mut Perceptron,
    words: &Words,
    gold: &[usize],
    children: &[Vec<usize>],
    width: usize,
) -> bool {
    let n = gold.len() - 1;
    let mut beam = vec![Item {
        state: State::new(n),
        score: 0.0,
        moves: Vec::new(),
        gold: true,
    }];
    let mut feats = Vec::with_capacity(80);
    let mut candidates = Vec::new();
    while !beam[0].state.done() {
        // One tick a step, as greedy training ticks once a move: the averaged weights keep
        // the scale that pruning a mean of runs assumes (see `MEAN_MIN_WEIGHT`).
        model.tick();
        candidates.clear();
        for (i, item) in beam.iter().enumerate() {
            let costs = item.gold.then(|| item.state.costs(gold, children));
            expand(model, words, item, i, costs, &mut feats, &mut candidates);
        }
        // The best gold continuation, kept even if the beam drops it.
        let best_gold = candidates
            .iter()
            .filter(|c| c.3)
            .min_by(|a, b| rank(a, b))
            .copied();
        best_candidates(&mut candidates, width);
        let Some(best_gold) = best_gold else {
            // Cannot happen: a gold item always has a move that costs nothing.
            return false;
        };
        let gold_kept = candidates.iter().any(|c| c.3);
        if !gold_kept {
            let gold_item = &advance(&beam, &[best_gold], words)[0];
            let guess = &advance(&beam, &candidates[..1], words)[0];
            update(model, words, n, &gold_item.moves, &guess.moves, &mut feats);
            return true;
        }
        beam = advance(&beam, &candidates, words);
    }
    if beam[0].gold {
        return false;
    }
    let gold_item = beam.iter().find(|i| i.gold).expect("a gold item kept");
    update(
        model,
        words,
        n,
        &gold_item.moves,
        &beam[0].moves,
        &mut feats,
    );
    true
}

/// Replays two move sequences from the start: each scored move of `gold` gains, each of
/// `guess` loses, from the first move where they part.
fn update(
    model: &mut Perceptron,
    words: &Words,
    n: usize,
    gold: &[u8],
    guess: &[u8],
    feats: &mut Vec<u64>,
) {
    let shared = gold.iter().zip(guess).take_while(|(a, b)| a == b).count();
    for (moves, delta) in [(gold, 1.0f32), (guess, -1.0)] {
        let mut state = State::new(n);
        for (step, &t) in moves.iter().enumerate() {
            if step >= shared && state.has_choice() {
                transition_features(words, &state, feats);
                model.adjust(feats, t as usize, delta);
            }
            state.apply(t as usize, &words.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::parser::children_of;

    fn sentence() -> (Words, Vec<usize>) {
        // "The envoy of the council rejected the offer on Monday ." (1-based heads, 0 root)
        let forms = [
            "The", "envoy", "of", "the", "council", "rejected", "the", "offer", "on", "Monday", ".",
        ];
        let tags = [
            "DT", "NN", "IN", "DT", "NN", "VBD", "DT", "NN", "IN", "NNP", ".",
        ];
        let gold = vec![0, 2, 6, 5, 5, 2, 0, 8, 6, 10, 6, 6];
        (Words::new(&forms, &tags, &HashSet::new()), gold)
    }

    #[test]
    fn an_untrained_beam_still_builds_a_whole_tree() {
        let (words, gold) = sentence();
        let n = gold.len() - 1;
        let heads = parse(&Perceptron::new(3), &words, n, 4);
        assert_eq!(heads.len(), n + 1);
        assert_eq!(heads[1..].iter().filter(|&&h| h == 0).count(), 1);
    }

    #[test]
    fn early_update_learns_a_sentence_it_got_wrong() {
        let (words, gold) = sentence();
        let n = gold.len() - 1;
        let children = children_of(&gold);
        let mut model = Perceptron::new(3);
        let mut updates = Vec::new();
        for _ in 0..20 {
            updates.push(train_sentence(&mut model, &words, &gold, &children, 3));
        }
        // The untrained model's ties send it the wrong way; once it parses the sentence
        // right it stops being updated.
        assert!(updates[0]);
        assert!(!updates[19]);
        model.finish();
        assert_eq!(parse(&model, &words, n, 3), gold);
    }
}
