//! Reading CoNLL-U treebanks, enough to evaluate against them.

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific tag.
    pub xpos: String,
    /// Features.
    pub feats: String,
    /// 1-based head, 0 for the root.
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
}

/// A surface token: one word, or a multi-word token ("don't") spanning several words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurfaceToken {
    /// The surface form.
    pub form: String,
    /// The words it stands for, as a range of indices into [`ConlluSentence::words`].
    pub words: std::ops::Range<usize>,
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// The `# text` line.
    pub text: String,
    /// True when a `# newdoc` comment opens this sentence.
    pub new_document: bool,
    /// The `# newdoc id = ...` value, when given.
    pub document_id: Option<String>,
    /// True when a `# newpar` comment opens this sentence.
    pub new_paragraph: bool,
    /// Syntactic words.
    pub words: Vec<Word>,
    /// Surface tokens.
    pub tokens: Vec<SurfaceToken>,
}

/// Why a CoNLL-U file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a CoNLL-U file's content. Empty nodes (`8.1`) are skipped.
pub fn parse(content: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = ConlluSentence::default();
    let mut pending_mwt: Option<(usize, usize, String)> = None;
    // Per surface token, whether `SpaceAfter=No` glues it to the next: the text of a sentence
    // without a `# text` line is rebuilt from its tokens.
    let mut glued: Vec<bool> = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let err = |message: String| ConlluError {
            line: n + 1,
            message,
        };
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(finished(std::mem::take(&mut current), &glued));
            }
            glued.clear();
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(t) = comment.strip_prefix("text =") {
                current.text = t.trim().to_string();
            } else if let Some(rest) = comment.strip_prefix("newdoc") {
                current.new_document = true;
                let id = rest
                    .trim()
                    .strip_prefix("id")
                    .map(|r| r.trim().trim_start_matches('=').trim());
                current.document_id = id.filter(|i| !i.is_empty()).map(str::to_string);
            } else if comment.starts_with("newpar") {
                current.new_paragraph = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let a: usize = a
                .parse()
                .map_err(|_| err(format!("bad token range {id:?}")))?;
            let b: usize = b
                .parse()
                .map_err(|_| err(format!("bad token range {id:?}")))?;
            pending_mwt = Some((a, b, cols[1].to_string()));
            glued.push(space_after_no(cols[9]));
            continue;
        }
        let index: usize = id.parse().map_err(|_| err(format!("bad word id {id:?}")))?;
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| err(format!("bad head {:?}", cols[6])))?
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
        let w = current.words.len() - 1;
        match &pending_mwt {
            Some((a, b, form)) if *a == index => {
                current.tokens.push(SurfaceToken {
                    form: form.clone(),
                    words: w..w + (b - a + 1),
                });
            }
            Some((a, b, _)) if index > *a && index <= *b => {
                if index == *b {
                    pending_mwt = None;
                }
            }
            _ => {
                current.tokens.push(SurfaceToken {
                    form: cols[1].to_string(),
                    words: w..w + 1,
                });
                glued.push(space_after_no(cols[9]));
            }
        }
    }
    if !current.words.is_empty() {
        out.push(finished(current, &glued));
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U: the `# text` line, multi-word tokens and each word's columns
/// (DEPS and MISC left empty). Reading the result back with [`parse`] gives the same words.
pub fn write(sentences: &[ConlluSentence]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let col = |v: &str| if v.is_empty() { "_" } else { v }.to_string();
    for s in sentences {
        if s.new_document {
            match &s.document_id {
                Some(id) => _ = writeln!(out, "# newdoc id = {id}"),
                None => _ = writeln!(out, "# newdoc"),
            }
        }
        if s.new_paragraph {
            _ = writeln!(out, "# newpar");
        }
        _ = writeln!(out, "# text = {}", s.text);
        for (i, w) in s.words.iter().enumerate() {
            if let Some(t) = s
                .tokens
                .iter()
                .find(|t| t.words.start == i && t.words.len() > 1)
            {
                _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t_",
                    i + 1,
                    t.words.end,
                    t.form
                );
            }
            _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t_",
                i + 1,
                w.form,
                col(&w.lemma),
                col(&w.upos),
                col(&w.xpos),
                col(&w.feats),
                w.head,
                col(&w.deprel)
            );
        }
        out.push('\n');
    }
    out
}

/// Whether 1-based heads, one per word with 0 for the root, form a tree: every head inside the
/// sentence, and the root reached from every word with no cycle on the way.
pub fn heads_form_a_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    if heads.iter().any(|&h| h > n) {
        return false;
    }
    (1..=n).all(|start| {
        let mut at = start;
        for _ in 0..=n {
            if at == 0 {
                return true;
            }
            at = heads[at - 1];
        }
        false
    })
}

fn space_after_no(misc: &str) -> bool {
    misc.split('|').any(|m| m == "SpaceAfter=No")
}

/// The sentence, with its text rebuilt from its surface tokens when it has no `# text` line
/// (tools that write CoNLL-U without one: the tokens joined by spaces, except where
/// `SpaceAfter=No` glues two).
fn finished(mut sentence: ConlluSentence, glued: &[bool]) -> ConlluSentence {
    if sentence.text.trim().is_empty() {
        let mut text = String::new();
        for (i, t) in sentence.tokens.iter().enumerate() {
            text.push_str(&t.form);
            if i + 1 < sentence.tokens.len() && !glued.get(i).copied().unwrap_or(false) {
                text.push(' ');
            }
        }
        sentence.text = text;
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# text = It's late.\n\
1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2\t's\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n\
3\tlate\tlate\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn conllu_reads_multiword_tokens() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert!(s[0].new_document);
        assert_eq!(s[0].words.len(), 4);
        let forms: Vec<&str> = s[0].tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["It's", "late", "."]);
        assert_eq!(s[0].tokens[0].words, 0..2);
    }

    #[test]
    fn conllu_written_reads_back_the_same() {
        let s = parse(SAMPLE).unwrap();
        let again = parse(&write(&s)).unwrap();
        assert_eq!(again, s);
        assert!(write(&s).contains("1-2\tIt's\t"));
    }

    #[test]
    fn conllu_without_text_lines_rebuilds_the_text_from_its_tokens() {
        let content = "1-2\tCan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tCa\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let sentences = parse(content).unwrap();
        assert_eq!(sentences[0].text, "Can't stop!");
    }

    #[test]
    fn conllu_reports_bad_lines() {
        let err = parse("1\tonly\tthree\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
