//! End-to-end tests of the `kestrel` binary, as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn kestrel(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kestrel runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // A run that fails on its arguments exits before it reads its input.
        if let Err(e) = pipe.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A scratch directory, removed with everything in it when the returned guard is dropped
/// (at the end of the test, passed or not).
/// Runs `kestrel` with these arguments, which must succeed, and gives its standard output and
/// the JSON object on its last line.
fn json_of_run(args: &[&str]) -> (String, Value) {
    let out = kestrel(args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let last = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    (stdout, last)
}

fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kestrel-cli-{name}-"))
        .tempdir()
        .unwrap()
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("docs/kestrel-1.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every span in the output slices the text to what it claims, in characters.
fn check_offsets(doc: &Value) {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let slice = |a: &Value, b: &Value| -> String {
        text[a.as_u64().unwrap() as usize..b.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for s in doc["sentences"].as_array().unwrap() {
        for t in s["tokens"].as_array().unwrap() {
            assert_eq!(slice(&t["start"], &t["end"]), t["text"].as_str().unwrap());
        }
    }
    if let Some(d) = doc["dateline"].as_object() {
        assert_eq!(slice(&d["start"], &d["end"]), d["text"].as_str().unwrap());
    }
}

const ARTICLE: &str = "Parliament backs Ostrava water deal\n\n\
PRAGUE, May 4 (Wire) - The Czech parliament approved a water-sharing agreement with \u{201c}our neighbours\u{201d} on Thursday, officials said.\n\n\
The deal, worth \u{20ac}2.5 billion over ten years, was signed by Deputy Minister Jan Novak and his Slovak counterpart in the U.S. embassy's presence.\n\n\
\u{201c}It\u{2019}s a fair agreement,\u{201d} Novak told reporters. \u{201c}Nobody lost.\u{201d}\n\n\
Critics said the deal gave too much to upstream farms.\n\n\
Enjoyed this story? Sign up for our free newsletter and get the news in your inbox every morning.\n\n\
\u{00a9} 2024 Example Wire. All rights reserved.\n";

#[test]
fn cli_code_text_file_validates_against_schema() {
    let scratch = temp_dir("schema");
    let dir = scratch.path();
    let path = dir.join("water-2024-05-04.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = kestrel(&["code", path.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    check_offsets(doc);
    assert_eq!(doc["title"], "Parliament backs Ostrava water deal");
    assert_eq!(doc["published"], "2024-05-04");
    assert_eq!(doc["dateline"]["place"], "PRAGUE");
    let kinds: Vec<&str> = doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["newsletter", "copyright"]);
    let text = doc["text"].as_str().unwrap();
    assert!(!text.contains("newsletter") && text.contains("upstream farms"));
    // "U.S." stays one token inside its sentence.
    let sentence_ends: Vec<&str> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["tokens"].as_array().unwrap().last().unwrap()["text"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(!sentence_ends.contains(&"U.S."));
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 5);
}

#[test]
fn cli_pretty_and_table_formats() {
    let out = kestrel(
        &["code", "-", "--pretty", "--id", "p1"],
        Some(b"Rain fell. Roads closed."),
    );
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "p1");
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 10);
    let table = kestrel(
        &["code", "-", "--format", "table"],
        Some(b"Rain fell. Roads closed."),
    );
    let shown = String::from_utf8(table.stdout).unwrap();
    assert!(shown.contains("sentences (2)"), "{shown}");
    let explained = kestrel(
        &["code", "-", "--explain", "--published", "2026-03-02"],
        Some(b"Ghana did not condemn Togo on Monday."),
    );
    let shown = String::from_utf8(explained.stdout).unwrap();
    assert!(shown.contains("coder decisions (1)"), "{shown}");
    assert!(
        shown.contains("condemn") && shown.contains("negated"),
        "{shown}"
    );
}

#[test]
fn cli_bad_documents_become_error_records_and_the_run_goes_on() {
    let input = concat!(
        "{\"id\": \"good\", \"text\": \"The talks resumed on Monday.\", \"published\": \"2023-01-09\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "{\"id\": \"blank\", \"body\": \"  \"}\n",
        "{\"id\": \"also-good\", \"content\": \"A second article.\"}\n",
    );
    let out = kestrel(&["code", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let ids: Vec<&str> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(ids, ["good", "?", "blank", "also-good"]);
    assert_eq!(docs[1]["line"], 2);
    assert!(docs[1]["error"]
        .as_str()
        .unwrap()
        .contains("malformed JSON"));
    for d in &docs {
        assert_eq!(schema_errors(d), Vec::<String>::new());
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("4 documents read (jsonl 4), 2 coded, 2 failed"),
        "{stderr}"
    );
}

#[test]
fn cli_missing_path_fails_with_a_record() {
    let out = kestrel(&["code", "no-such-dir/article.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert!(docs[0]["error"].as_str().unwrap().contains("cannot read"));
}

#[test]
fn cli_output_is_in_input_order_and_byte_identical() {
    let scratch = temp_dir("order");
    let dir = scratch.path();
    // More documents than a batch holds (32 a worker thread), so that order is kept across
    // batches of different sizes with one and two threads.
    for i in 0..100 {
        let body = format!("Headline number {i}\n\nThe council met {i} times this year. Members voted on item {i}.\n");
        std::fs::write(dir.join(format!("{i:03}.txt")), body).unwrap();
    }
    std::fs::write(dir.join("bad.jsonl"), "{oops\n").unwrap();
    let d = dir.to_str().unwrap();
    let first = kestrel(&["code", d, "-j", "2"], None);
    let second = kestrel(&["code", d, "-j", "1"], None);
    assert_eq!(first.stdout, second.stdout);
    let ids: Vec<String> = lines(&first)
        .iter()
        .map(|v| v["id"].as_str().unwrap_or("error").to_string())
        .collect();
    let mut expected: Vec<String> = (0..100).map(|i| format!("{i:03}")).collect();
    expected.push("error".to_string());
    assert_eq!(ids, expected);
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert!(
        stderr.contains("101 documents read (jsonl 1, text 100), 100 coded, 1 failed"),
        "{stderr}"
    );
}

#[test]
fn cli_legacy_encoding_is_decoded_with_a_warning() {
    let scratch = temp_dir("latin1");
    let dir = scratch.path();
    let path = dir.join("latin1.txt");
    std::fs::write(
        &path,
        b"Le pr\xe9sident a re\xe7u le ministre \xe0 l'\xc9lys\xe9e mardi.",
    )
    .unwrap();
    let out = kestrel(&["code", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert!(doc["text"].as_str().unwrap().contains("pr\u{e9}sident"));
    assert!(doc["warnings"][0]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
    check_offsets(doc);
}

#[test]
fn cli_stages_can_be_switched_off() {
    let input = b"Rain fell. Read more: our newsletter is in your inbox every day, sign up now.";
    let out = kestrel(&["code", "-", "--stages", "segment"], Some(input));
    let doc = &lines(&out)[0];
    assert_eq!(doc["layers"], serde_json::json!(["segment"]));
    let bad = kestrel(&["code", "-", "--stages", "segmnt"], Some(input));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("clean, segment"));
}

#[test]
fn cli_timings_report_each_stage_after_the_summary() {
    let input = b"The mayor opened a bridge on Tuesday. Hundreds of people crossed it.";
    let out = kestrel(
        &["code", "-", "--stages", "clean,segment", "--timings"],
        Some(input),
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].contains("1 coded"), "{stderr}");
    assert!(
        lines[1].contains("loading") && lines[1].contains("whole run"),
        "{stderr}"
    );
    assert!(
        lines[2].contains("clean") && lines[3].contains("segment"),
        "{stderr}"
    );
    assert_eq!(lines.len(), 4, "{stderr}");
    // Without the flag, the summary alone.
    let plain = kestrel(&["code", "-", "--stages", "segment"], Some(input));
    assert_eq!(String::from_utf8(plain.stderr).unwrap().lines().count(), 1);
}

#[test]
fn cli_eval_segment_prints_json_last() {
    let scratch = temp_dir("eval");
    let dir = scratch.path();
    let path = dir.join("tiny.conllu");
    std::fs::write(&path, "# newdoc\n# text = Vote now.\n1\tVote\tvote\tVERB\tVB\t_\t0\troot\t_\t_\n2\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n").unwrap();
    let out = kestrel(&["eval", "segment", path.to_str().unwrap(), "--json"], None);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let last: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["sentence_f1"], 1.0);
    assert_eq!(last["token_f1"], 1.0);
}

#[test]
fn cli_eval_coref_scores_links_and_refuses_a_file_without_entities() {
    let scratch = temp_dir("coref");
    let dir = scratch.path();
    let gold = dir.join("story.conllu");
    // A made-up story: the pronoun refers to the person named before it.
    std::fs::write(
        &gold,
        "# newdoc id = GUM_news_made_up\n# newpar\n# text = Minister Tomas Varga resigned on Monday.\n\
1\tMinister\tminister\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n\
2\tTomas\tTomas\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=(1-person-new-x-coref\n\
3\tVarga\tVarga\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=1)\n\
4\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n\
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n\
6\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# text = He said he was tired.\n\
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-coref)\n\
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\the\the\tPRON\tPRP\t_\t5\tnsubj\t_\tEntity=(1-person-giv-x-coref)\n\
4\twas\tbe\tAUX\tVBD\t_\t5\tcop\t_\t_\n\
5\ttired\ttired\tADJ\tJJ\t_\t2\tccomp\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let (stdout, last) = json_of_run(&["eval", "coref", gold.to_str().unwrap(), "--json"]);
    assert_eq!(last["documents"], 1);
    let pronouns = &last["links"]["pronoun"]["people"];
    assert_eq!(pronouns["gold"], 2);
    assert_eq!(pronouns["found"], 2, "{stdout}");
    assert_eq!(pronouns["precision"], 1.0);

    let plain = dir.join("plain.conllu");
    std::fs::write(&plain, "# text = Vote now.\n1\tVote\tvote\tVERB\tVB\t_\t0\troot\t_\t_\n2\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n").unwrap();
    let out = kestrel(&["eval", "coref", plain.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Entity="));
}

#[test]
fn cli_eval_ner_reads_names_from_a_treebanks_entity_marks() {
    let scratch = temp_dir("ner-conllu");
    let dir = scratch.path();
    let gold = dir.join("story.conllu");
    // Made-up sentences in two genres: a person with a title, and a place; "the minister" is
    // no name.
    std::fs::write(
        &gold,
        "# newdoc id = GUM_news_made_up\n\
# text = Dr. Ilse Marwick met the minister in Copenhagen.\n\
1\tDr.\tDr.\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=(1-person-new-x-1-coref\n\
2\tIlse\tIlse\tPROPN\tNNP\t_\t1\tflat\t_\t_\n\
3\tMarwick\tMarwick\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n\
4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-person-new-x-1-sgl\n\
6\tminister\tminister\tNOUN\tNN\t_\t4\tobj\t_\tEntity=2)\n\
7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n\
8\tCopenhagen\tCopenhagen\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(3-place-new-x-1-sgl)|SpaceAfter=No\n\
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# newdoc id = GUM_bio_made_up\n\
# text = Marwick was born in Aarhus.\n\
1\tMarwick\tMarwick\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\tEntity=(1-person-giv-x-1-coref)\n\
2\twas\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n\
3\tborn\tbear\tVERB\tVBN\t_\t0\troot\t_\t_\n\
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n\
5\tAarhus\tAarhus\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(2-place-new-x-1-sgl)|SpaceAfter=No\n\
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
    )
    .unwrap();
    for pipeline in [false, true] {
        let mut args = vec!["eval", "ner", gold.to_str().unwrap(), "--json", "--errors"];
        if pipeline {
            args.push("--pipeline");
        }
        let (stdout, last) = json_of_run(&args);
        assert_eq!(last["sentences"], 2);
        // Four gold names: a found one is right, a missed one is listed, and nothing else.
        let gold_names: u64 = ["PER", "LOC"]
            .iter()
            .map(|t| {
                let c = &last["per_type"][t];
                c["tp"].as_u64().unwrap() + c["fn"].as_u64().unwrap()
            })
            .sum();
        assert_eq!(gold_names, 4, "{stdout}");
        assert!(
            last["per_type"]["PER"]["tp"].as_u64().unwrap() >= 1,
            "{stdout}"
        );
        assert!(!stdout.contains("missed\tPER\tDr."), "{stdout}");
        // Each genre is scored on its own sentences.
        assert_eq!(last["per_genre"]["news"]["sentences"], 1, "{stdout}");
        assert_eq!(last["per_genre"]["bio"]["sentences"], 1, "{stdout}");
    }

    let plain = dir.join("plain.conllu");
    std::fs::write(&plain, "# text = Vote now.\n1\tVote\tvote\tVERB\tVB\t_\t0\troot\t_\t_\n2\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n").unwrap();
    let out = kestrel(&["eval", "ner", plain.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Entity="));
}

/// The reference article in ../shared, when it is there (it is in CI).
#[test]
fn cli_reference_article_drops_the_appeal() {
    let path = repo_root().join("../shared/examples/g20-bali-2022-07-09.txt");
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return;
    }
    let original = std::fs::read_to_string(&path).unwrap();
    let out = kestrel(&["code", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    check_offsets(doc);
    let removed = doc["removed"].as_array().unwrap();
    assert!(removed.iter().any(|r| r["kind"] == "appeal"));
    // Everything removed is one stretch at the end of the article.
    let text_len = doc["text"].as_str().unwrap().chars().count() as u64;
    assert!(removed.iter().all(|r| r["at"].as_u64() == Some(text_len)));
    let last_end = removed.last().unwrap()["end"].as_u64().unwrap() as usize;
    assert_eq!(last_end, original.chars().count());
    // Every named person resolves to an actor, and every pronoun joins a named person's cluster.
    let entities = doc["entities"].as_array().unwrap();
    for e in entities
        .iter()
        .filter(|e| e["type"] == "PERSON" && e["mention"] == "name")
    {
        assert!(e["actor"]["code"].is_string(), "unresolved person {e}");
    }
    let pronouns: Vec<&Value> = entities
        .iter()
        .filter(|e| e["mention"] == "pronoun")
        .collect();
    assert!(!pronouns.is_empty());
    for p in pronouns {
        // Personal pronouns join a named person; "it", "its", "they" a named country or body.
        let named = entities.iter().any(|e| {
            e["cluster"] == p["cluster"] && e["mention"] == "name" && e["type"] == p["type"]
        });
        assert!(
            named,
            "pronoun without a named antecedent in its cluster: {p}"
        );
    }
    // No sentence ends inside an abbreviation, and every sentence starts like one.
    for s in doc["sentences"].as_array().unwrap() {
        let tokens = s["tokens"].as_array().unwrap();
        assert_ne!(tokens.last().unwrap()["text"], "U.S.");
        let first = tokens[0]["text"].as_str().unwrap().chars().next().unwrap();
        assert!(first.is_uppercase() || first == '"', "{s}");
    }
}

fn tiny_treebank() -> PathBuf {
    repo_root().join("crates/kestrel-nlp/tests/data/tiny.conllu")
}

/// Trains small models on our own tiny treebank once per test process.
fn tiny_models() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let scratch = temp_dir("tiny-models");
        let dir = scratch.path();
        let tb = tiny_treebank();
        let clusters = dir.join("clusters.tsv.gz");
        let out = kestrel(
            &[
                "train",
                "clusters",
                "--train",
                tb.to_str().unwrap(),
                "--out",
                dir.to_str().unwrap(),
                "--clusters",
                clusters.to_str().unwrap(),
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = kestrel(
            &[
                "train",
                "all",
                "--clusters",
                clusters.to_str().unwrap(),
                "--train",
                tb.to_str().unwrap(),
                "--dev",
                tb.to_str().unwrap(),
                "--out",
                dir.to_str().unwrap(),
                "--epochs",
                "6",
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Shared by the tests of this process until it exits: kept.
        let kept = dir.to_path_buf();
        let _ = scratch.keep();
        kept
    })
    .clone()
}

#[test]
fn cli_train_writes_models_and_metadata() {
    let dir = tiny_models();
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
    let components: Vec<&str> = meta
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["component"].as_str().unwrap())
        .collect();
    assert_eq!(components, ["tagger", "lemmatizer", "parser"]);
    assert!(meta[0]["dev_scores"]["upos"].as_f64().unwrap() > 0.9);
    assert_eq!(meta[0]["train_hash"].as_str().unwrap().len(), 16);
}

#[test]
fn cli_code_fills_tags_and_parse() {
    let models = tiny_models();
    let out = kestrel(
        &["code", "-", "--models", models.to_str().unwrap()],
        Some(b"The court met the envoy. Police arrested two rebels."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    assert_eq!(
        doc["layers"],
        serde_json::json!([
            "clean", "segment", "tag", "parse", "entities", "actors", "quotes", "dates", "amounts",
            "places", "events"
        ])
    );
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    for e in doc["entities"].as_array().unwrap() {
        let (a, b) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
    }
    for s in doc["sentences"].as_array().unwrap() {
        let tokens = s["tokens"].as_array().unwrap();
        assert_eq!(
            tokens.iter().filter(|t| t["head"] == 0).count(),
            1,
            "one root: {s}"
        );
        for t in tokens {
            assert!(
                t["upos"].is_string() && t["lemma"].is_string() && t["deprel"].is_string(),
                "{t}"
            );
            assert!(t["head"].as_u64().unwrap() <= tokens.len() as u64);
        }
    }
}

#[test]
fn cli_conllu_input_keeps_given_annotation_and_round_trips() {
    let tb = tiny_treebank();
    let models = tiny_models();
    let out = kestrel(
        &[
            "code",
            tb.to_str().unwrap(),
            "--models",
            models.to_str().unwrap(),
            "-f",
            "conllu",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let columns = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').take(8).map(str::to_string).collect())
            .collect()
    };
    let given = std::fs::read_to_string(&tb).unwrap();
    let written = String::from_utf8(out.stdout).unwrap();
    assert_eq!(columns(&written), columns(&given));
    // Every sentence, each document's last included, is closed by a blank line.
    let sentences = written
        .lines()
        .filter(|l| l.starts_with("# sent_id"))
        .count();
    let blocks = written.split("\n\n").filter(|b| b.contains('\t')).count();
    assert_eq!(blocks, sentences, "{written}");
    assert!(written.ends_with("\n\n"), "{written}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("2 documents read (conllu 2)"), "{stderr}");
}

#[test]
fn cli_eval_ud_prints_scores() {
    let tb = tiny_treebank();
    let models = tiny_models();
    for raw in [false, true] {
        let mut args = vec![
            "eval",
            "ud",
            tb.to_str().unwrap(),
            "--models",
            models.to_str().unwrap(),
            "--json",
        ];
        if raw {
            args.push("--raw");
        }
        let out = kestrel(&args, None);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let last: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
        // Tiny models trained for a few epochs on twelve sentences: the point is that the
        // command scores, and that the scores are not noise.
        for (key, floor) in [
            ("upos", 0.8),
            ("xpos", 0.8),
            ("lemma", 0.8),
            ("uas", 0.5),
            ("las", 0.4),
        ] {
            assert!(last[key].as_f64().unwrap() > floor, "{key} in {last}");
        }
        assert_eq!(last["raw"], raw);
    }
}

#[test]
fn cli_user_actor_dictionary_and_dates() {
    let scratch = temp_dir("actors");
    let dir = scratch.path();
    let dict = dir.join("mine.tsv");
    std::fs::write(
        &dict,
        "person\tAmina Odhiambo\tOdhiambo\tKENGOV 2019-01-05..2023-06-30\n",
    )
    .unwrap();
    let text = b"Foreign Minister Amina Odhiambo arrived in Nairobi on Monday for talks.";
    let actor_on = |date: &str| -> Value {
        let out = kestrel(
            &[
                "code",
                "-",
                "--published",
                date,
                "--actors",
                dict.to_str().unwrap(),
            ],
            Some(text),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc = &lines(&out)[0];
        assert_eq!(schema_errors(doc), Vec::<String>::new());
        let person = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == "Amina Odhiambo")
            .cloned();
        person.unwrap_or_else(|| panic!("no entity for the minister in {}", doc["entities"]))
            ["actor"]
            .clone()
    };
    let serving = actor_on("2021-03-01");
    assert_eq!(
        (serving["code"].as_str(), serving["sector"].as_str()),
        (Some("KEN"), Some("GOV"))
    );
    assert_eq!(serving["source"], "dictionary");
    let former = actor_on("2026-03-01");
    assert_eq!(
        (former["code"].as_str(), former["sector"].as_str()),
        (Some("KEN"), Some("ELI"))
    );
}

/// Issue #4's mechanisms on people no dictionary knows (the names are made up): a role in
/// apposition before the name and a rank inside it, an object pronoun that is not its own
/// verb's subject, a description that names its country, and "the country".
#[test]
fn cli_roles_and_coreference_for_unknown_people() {
    let text = "Velorian Trade Minister Ines Marlow met Kenya's top diplomat Amos Kiprono in Nairobi on Monday. \
Marlow said she would send advisers to the country next year. Kiprono thanked her warmly.\n\n\
The Ghanaian army chief, General Kwame Asante, met his Chilean counterpart, Admiral Rosa Vidal, in Accra. \
Hundreds of farmers gathered outside. The minister from Kenya later praised the talks.";
    let out = kestrel(
        &["code", "-", "--published", "2026-03-10"],
        Some(text.as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let find = |t: &str| {
        entities
            .iter()
            .find(|e| e["text"] == t)
            .unwrap_or_else(|| panic!("no entity {t:?} in {entities:?}"))
    };
    let actor = |t: &str| {
        let a = &find(t)["actor"];
        (
            a["code"].as_str().map(String::from),
            a["sector"].as_str().map(String::from),
        )
    };
    let coded = |c: &str, s: &str| (Some(c.to_string()), Some(s.to_string()));
    assert_eq!(actor("Kwame Asante"), coded("GHA", "MIL"));
    assert_eq!(actor("Rosa Vidal"), coded("CHL", "MIL"));
    assert_eq!(actor("Amos Kiprono"), coded("KEN", "GOV"));
    assert_eq!(
        find("her")["cluster"],
        find("Ines Marlow")["cluster"],
        "not Kiprono, who thanked"
    );
    assert_eq!(find("the country")["cluster"], find("Kenya")["cluster"]);
    assert_eq!(
        find("The minister")["cluster"],
        find("Amos Kiprono")["cluster"]
    );
}

/// The actor of the first entity written `name` in what `kestrel ARGS` makes of `text`.
fn actor_of(args: &[&str], text: &[u8], name: &str) -> Value {
    let out = kestrel(args, Some(text));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &lines(&out)[0];
    let entity = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == name)
        .cloned();
    entity.unwrap_or_else(|| panic!("no entity for {name} in {}", doc["entities"]))["actor"].clone()
}

/// Issue #4's example: a surname alone, in a text dated after the official left office, is a
/// former official (ELI); dated during the office, the government.
#[test]
fn cli_builtin_dictionary_knows_when_officials_served() {
    let text = b"Blinken spoke at a conference in Geneva on Tuesday about the crisis.";
    let actor_on =
        |date: &str| -> Value { actor_of(&["code", "-", "--published", date], text, "Blinken") };
    let serving = actor_on("2022-07-09");
    assert_eq!(
        (serving["code"].as_str(), serving["sector"].as_str()),
        (Some("USA"), Some("GOV"))
    );
    let former = actor_on("2026-03-10");
    assert_eq!(
        (former["code"].as_str(), former["sector"].as_str()),
        (Some("USA"), Some("ELI"))
    );
}

/// Father and son share the name "George Bush": the one in office on the date is meant.
#[test]
fn cli_builtin_dictionary_tells_namesake_presidents_apart_by_date() {
    let text = b"At the summit in Brussels on Monday, George Bush criticised the plan.";
    let on = |date: &str| -> (String, String) {
        let a = actor_of(&["code", "-", "--published", date], text, "George Bush");
        (
            a["code"].as_str().unwrap_or("").to_string(),
            a["sector"].as_str().unwrap_or("").to_string(),
        )
    };
    let pair = |c: &str, s: &str| (c.to_string(), s.to_string());
    assert_eq!(on("1990-05-01"), pair("USA", "GOV"), "the father in office");
    assert_eq!(on("2005-01-01"), pair("USA", "GOV"), "the son in office");
    assert_eq!(on("2012-01-01"), pair("USA", "ELI"), "both out of office");
}

/// The recogniser leaves a rank out of a name ("Prince" of "Prince Harry"); the dictionary
/// knows the royal by it, where the given name alone names no one.
#[test]
fn cli_a_royal_is_found_by_the_rank_before_the_name() {
    let text = b"Prince Harry spoke to reporters at an airfield near Oxford on Monday.";
    let a = actor_of(&["code", "-", "--published", "2005-01-20"], text, "Harry");
    assert_eq!(
        (a["code"].as_str(), a["sector"].as_str()),
        (Some("GBR"), Some("ELI"))
    );
}

/// Bodies and companies of the 2005 news that the imported dictionaries lack.
#[test]
fn cli_builtin_dictionary_knows_unions_and_companies_of_the_news() {
    let text = b"The TUC said on Monday that Yukos would have to pay the fine in full.";
    let code_of = |name: &str| -> String {
        let a = actor_of(&["code", "-", "--published", "2005-01-01"], text, name);
        format!(
            "{} {}",
            a["code"].as_str().unwrap_or(""),
            a["sector"].as_str().unwrap_or("")
        )
    };
    assert_eq!(code_of("TUC"), "GBR LAB");
    assert_eq!(code_of("Yukos"), "MNCRUS MNC");
}

/// Central bankers and heads of business, by the date of the story.
#[test]
fn cli_builtin_dictionary_knows_central_bankers_and_business_leaders() {
    let text = b"Mervyn King and Bill Gates spoke at a dinner in Paris on Monday.";
    let code_of = |date: &str, name: &str| -> String {
        let a = actor_of(&["code", "-", "--published", date], text, name);
        format!(
            "{} {}",
            a["code"].as_str().unwrap_or(""),
            a["sector"].as_str().unwrap_or("")
        )
    };
    assert_eq!(code_of("2005-01-01", "Mervyn King"), "GBR GOV");
    assert_eq!(code_of("2020-01-01", "Mervyn King"), "GBR ELI");
    assert_eq!(code_of("2005-01-01", "Bill Gates"), "USA BUS");
}

/// Opposition leaders are in the curated dictionary with their dated roles, and a role the
/// text states out of government ("former", "shadow") wins over an undated story's latest office.
#[test]
fn cli_builtin_dictionary_knows_opposition_leaders_and_text_roles_out_of_office() {
    let code_of = |text: &[u8], published: Option<&str>, name: &str| -> (String, String) {
        let mut args = vec!["code", "-"];
        if let Some(date) = published {
            args.extend(["--published", date]);
        }
        let a = actor_of(&args, text, name);
        (
            a["code"].as_str().unwrap_or("").to_string(),
            a["sector"].as_str().unwrap_or("").to_string(),
        )
    };
    let text = b"Michael Howard told voters in Kent that taxes were far too high.";
    let pair = |c: &str, s: &str| (c.to_string(), s.to_string());
    assert_eq!(
        code_of(text, Some("2004-06-01"), "Michael Howard"),
        pair("GBR", "OPP")
    );
    assert_eq!(
        code_of(text, Some("1995-06-01"), "Michael Howard"),
        pair("GBR", "GOV")
    );
    assert_eq!(
        code_of(text, Some("2012-06-01"), "Michael Howard"),
        pair("GBR", "ELI")
    );
    let text = b"Former prime minister John Major opened a school in Surrey.";
    assert_eq!(code_of(text, None, "John Major"), pair("GBR", "ELI"));
    // The seats of Britain's parliaments stand for them.
    let text = b"Ministers in Holyrood and Westminster disagreed about the bridge again.";
    assert_eq!(code_of(text, None, "Holyrood"), pair("GBR", "LEG"));
    assert_eq!(code_of(text, None, "Westminster"), pair("GBR", "LEG"));
}

#[test]
fn cli_reference_article_events() {
    let path = repo_root().join("../shared/examples/g20-bali-2022-07-09.txt");
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return;
    }
    let out = kestrel(
        &["code", path.to_str().unwrap(), "--published", "2022-07-09"],
        None,
    );
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    let events = doc["events"].as_array().unwrap();
    let codes = |ps: &Value| -> Vec<String> {
        ps.as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["code"].as_str().map(String::from))
            .collect()
    };
    let has = |types: &[&str], actor: &str, recipient: Option<&str>| {
        events.iter().any(|e| {
            types.contains(&e["type"].as_str().unwrap())
                && codes(&e["actors"]).iter().any(|c| c == actor)
                && recipient.is_none_or(|r| codes(&e["recipients"]).iter().any(|c| c == r))
        })
    };
    assert!(has(&["PROTEST"], "RUS", None), "the walkout: {events:?}");
    assert!(has(&["CONSULT"], "USA", Some("CHN")), "the meeting");
    assert!(has(&["REQUEST"], "USA", Some("CHN")), "the call on China");
    assert!(has(&["AGREE", "AID"], "USA", Some("UKR")), "the aid");
    assert!(has(&["ACCUSE"], "USA", Some("RUS")), "the accusation");
    assert!(has(&["REJECT"], "USA", Some("RUS")), "the snub");
    // Nothing from the sentence that says there were no signs of engagement, and nothing from
    // the removed appeal (its text is gone, so every trigger lies inside the kept text).
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let sentences = doc["sentences"].as_array().unwrap();
    let no_signs = sentences
        .iter()
        .position(|s| {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            text[a..b].iter().collect::<String>().contains("no signs\"")
        })
        .expect("the opening sentence");
    assert!(events.iter().all(|e| e["sentence"] != no_signs));
    for e in events {
        assert!(!e["actors"].as_array().unwrap().is_empty());
        let t = &e["trigger"];
        let (a, b) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            t["text"].as_str().unwrap()
        );
    }

    let plover = kestrel(
        &[
            "code",
            path.to_str().unwrap(),
            "--published",
            "2022-07-09",
            "--format",
            "plover",
        ],
        None,
    );
    assert!(plover.status.success());
    let records = lines(&plover);
    assert_eq!(records.len(), events.len());
    // "on Friday" dates the walkout the day before publication; events without a date of
    // their own take the publication date.
    let walkout = records
        .iter()
        .find(|r| r["event"][0] == "PROTEST" && r["date_source"] == "text")
        .expect("a protest dated by its clause");
    assert_eq!(walkout["date"], "2022-07-08");
    // The aid announcement carries its money.
    let aid = records
        .iter()
        .find(|r| !r["money"].is_null())
        .expect("an event with money");
    assert_eq!(aid["money"]["currency"], "USD");
    assert_eq!(aid["money"]["value"], 360_000_000.0);
    // The protest at the summit venue is placed on Bali, in Indonesia.
    let placed = records
        .iter()
        .find(|r| !r["location"].is_null())
        .expect("an event with a location");
    assert_eq!(placed["location"]["country"], "IDN");
    for r in &records {
        match r["date_source"].as_str().unwrap() {
            "published" => assert_eq!(r["date"], "2022-07-09"),
            "text" => assert!(r["date"].as_str().unwrap().starts_with("2022")),
            other => panic!("date_source {other}"),
        }
        for field in [
            "id",
            "actor",
            "recipient",
            "event",
            "mode",
            "context",
            "event_text",
            "text",
            "text_info",
            "cite_info",
            "cameo",
            "goldstein",
            "quad_code",
            "event_scale",
        ] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        // Scores keep CAMEO's and PLOVER's decimals (-4.4, not -4.400000095367432).
        for field in ["goldstein", "event_scale"] {
            let written = r[field].to_string();
            assert!(written.len() <= 5, "{field} written as {written}");
        }
    }
}

#[test]
fn cli_events_from_own_sentences() {
    let text = b"Kenya condemned Uganda on Monday. Kenya did not condemn Tanzania.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "ACCUSE");
    assert_eq!(events[0]["cameo"], "111");
    assert_eq!(events[0]["actors"][0]["code"], "KEN");
    assert_eq!(events[0]["recipients"][0]["code"], "UGA");
    assert_eq!(events[0]["sentence"], 0);
}

/// What a speaker says is true is told as so, and their "I" is the speaker, though the clause
/// is the subject of "true" after the expletive "it".
#[test]
fn cli_what_is_said_to_be_true_is_told_as_so() {
    let text = b"The Kenyan foreign minister told reporters on Monday: \"It is true that I \
                 condemned Uganda.\"";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "ACCUSE");
    assert_eq!(events[0]["actors"][0]["code"], "KEN");
    assert_eq!(events[0]["recipients"][0]["code"], "UGA");
}

/// Sending migrants back is deporting them; returning land or prisoners is a concession.
#[test]
fn cli_returning_migrants_is_deporting_them() {
    // CAMEO 174 is deportation (PLOVER COERCE); 0842 returning property (RETREAT).
    let cameo = |text: &[u8]| event_fields(text, "2026-03-10", "cameo");
    assert_eq!(
        cameo(b"Kenya returned hundreds of asylum seekers to Uganda on Monday."),
        ["174"]
    );
    assert_eq!(
        cameo(b"Kenya returned refugee children to Uganda on Monday."),
        ["174"]
    );
    assert_eq!(
        cameo(b"Kenya returned the disputed land to Uganda on Monday."),
        ["0842"]
    );
}

/// A company named with its acronym in brackets is found whole, and the acronym later is the
/// company.
#[test]
fn cli_a_name_with_its_acronym_in_brackets_is_found_whole() {
    let text = b"General Motors (GM) said it would cut 500 jobs in Ohio. Later, GM accused \
                 Toyota of dumping cars.";
    let out = kestrel(&["code", "-", "--published", "2005-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    assert!(
        entities
            .iter()
            .all(|e| !e["text"].as_str().unwrap_or("").contains('(')),
        "{entities:?}"
    );
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["actors"][0]["code"], "MNCUSA", "{events:?}");
    assert_eq!(events[0]["recipients"][0]["code"], "MNCJPN", "{events:?}");
}

/// "The parliament" after a parliament the story named is that one, not the parliament of
/// the country named nearest.
#[test]
fn cli_an_institution_described_again_is_the_one_named() {
    let text = b"The European Parliament met on Monday. Danish officials said the parliament \
                 would reject the budget.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let events = doc["events"].as_array().unwrap();
    let rejection = events
        .iter()
        .find(|e| e["type"] == "REJECT")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(rejection["actors"][0]["code"], "IGOEUREEC", "{rejection:?}");
}

/// "Is to" before a bare verb tells what is planned: the act is future, not done.
#[test]
fn cli_what_someone_is_to_do_is_future() {
    let modalities = |text: &[u8]| event_fields(text, "2026-03-10", "modality");
    assert_eq!(
        modalities(b"Kenya's president is to visit Uganda next week."),
        ["future"]
    );
    assert_eq!(
        modalities(b"Kenya's president visited Uganda last week."),
        ["asserted"]
    );
    // Going on to do something is doing it next; going to do it is an intention.
    assert_eq!(
        modalities(b"Kenya went on to accuse Uganda of lying."),
        ["asserted"]
    );
    assert_eq!(
        modalities(b"Kenya is going to accuse Uganda of lying."),
        ["future"]
    );
}

/// Withdrawing money or goods pulls no one back; withdrawing troops does.
#[test]
fn cli_withdrawing_money_is_no_retreat() {
    let types = |text: &[u8]| event_fields(text, "2026-03-10", "type");
    assert!(types(b"Kenya withdrew its deposits from Ugandan banks on Monday.").is_empty());
    assert!(types(b"Kenya withdrew $40m in assets from Uganda on Monday.").is_empty());
    assert!(types(b"Kenya withdrew its bid for the Ugandan railway on Monday.").is_empty());
    assert_eq!(
        types(b"Kenya withdrew its troops from Somalia on Monday."),
        ["RETREAT"]
    );
}

/// Declining to be drawn on something refuses nothing.
#[test]
fn cli_declining_to_be_drawn_is_no_refusal() {
    let drawn = b"Kenya's foreign minister declined to be drawn on the Ugandan offer on Monday.";
    assert!(event_fields(drawn, "2026-03-10", "type").is_empty());
}

/// What a pledge says its own side will do names no recipient; whom that side will act on does.
#[test]
fn cli_a_pledge_binds_the_own_side_and_names_whom_it_serves() {
    let event =
        only_event(b"The Kenyan president pledged that Kenya would send more grain to Uganda.");
    assert_eq!(sides(&event, "recipients", "code"), ["UGA"]);
}

/// "The media" and "the press" are journalists as a body, and their counterparts are too.
#[test]
fn cli_the_media_and_their_counterparts_are_journalists() {
    let event = only_event(b"The Spanish media attacked their English counterparts on Monday.");
    assert_eq!(sides(&event, "actors", "code"), ["ESP"]);
    assert_eq!(sides(&event, "actors", "sector"), ["JRN"]);
    assert_eq!(sides(&event, "recipients", "code"), ["GBR"]);
    assert_eq!(sides(&event, "recipients", "sector"), ["JRN"]);
}

/// "English" and "Scottish" are the UK's peoples, not its name, and a language is no one.
#[test]
fn cli_english_is_a_people_or_a_language() {
    let text = b"Kenyan officials must speak English at meetings, the Scottish press said. \
                 English clubs rejected the plan on Monday. English-speaking fans left.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let named: Vec<(String, String, String)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let code = e["actor"]["code"].as_str().unwrap_or("").to_string();
            let start = e["start"].as_u64().unwrap();
            (
                format!("{}@{start}", e["text"].as_str().unwrap()),
                e["type"].to_string(),
                code,
            )
        })
        .collect();
    let found = |text: &str| named.iter().find(|(t, _, _)| t == text);
    assert!(found("English@28").is_none(), "{named:?}");
    assert!(found("English@117").is_none(), "{named:?}");
    let people = |text: &str| found(text).map(|(_, kind, code)| (kind.as_str(), code.as_str()));
    assert_eq!(
        people("Scottish@53"),
        Some(("\"NORP\"", "GBR")),
        "{named:?}"
    );
    assert_eq!(people("English@74"), Some(("\"NORP\"", "GBR")), "{named:?}");
}

/// A phrase inside what someone calls another ("a machine for talks") is no call for talks.
#[test]
fn cli_naming_someone_is_no_call_for_anything() {
    let types = |text: &[u8]| event_fields(text, "2026-03-10", "type");
    let named = b"Kenyan opposition leader Amos Otieno called the government \"a machine for \
                  talks about nothing\" on Monday.";
    assert!(types(named).is_empty(), "{:?}", types(named));
    assert_eq!(
        types(b"Kenyan opposition leader Amos Otieno called for talks with the government."),
        ["REQUEST"]
    );
}

/// What someone is unwilling to do, or failed to do, is not done.
#[test]
fn cli_an_act_someone_is_unwilling_to_do_is_not_done() {
    let types = |text: &[u8]| event_fields(text, "2026-03-10", "type");
    assert_eq!(
        types(b"Uganda criticised Kenya's unwillingness to sign the treaty."),
        ["ACCUSE"]
    );
    assert_eq!(
        types(b"Uganda criticised Kenya's failure to praise the treaty."),
        ["ACCUSE"]
    );
    assert_eq!(
        types(b"Uganda criticised Kenya's decision to sign the treaty."),
        ["ACCUSE"]
    );
}

/// "Pulled out of" a deal is the deal's entry, though the parser reads "out" as the noun's case.
#[test]
fn cli_pulling_out_of_talks_is_leaving_them() {
    let cameo = |text: &[u8]| event_fields(text, "2026-03-10", "cameo");
    assert_eq!(
        cameo(b"Kenya pulled out of the talks with Uganda on Monday."),
        ["166"]
    );
    assert_eq!(
        cameo(b"Kenyan troops pulled out of the town on Monday."),
        ["087"]
    );
}

/// Whom a question names is no party to an inquiry into it.
#[test]
fn cli_whom_a_question_names_is_not_investigated() {
    let recipients = |text: &[u8]| sides(&only_event(text), "recipients", "text");
    let asked = b"Kenyan police are investigating whether the songs incite attacks on Ugandans.";
    assert!(recipients(asked).is_empty(), "{:?}", recipients(asked));
    assert_eq!(
        recipients(b"Kenyan police are investigating Ugandan traders over the attacks."),
        ["Ugandan"]
    );
}

/// A speaker named after the report ("..., said Ugandan officials") is the one who speaks, not
/// the one spoken to.
#[test]
fn cli_a_speaker_after_the_report_speaks() {
    let event = only_event(b"Kenya must withdraw its troops from Somalia, said Ugandan officials.");
    assert_eq!(event["type"], "REQUEST");
    assert_eq!(sides(&event, "actors", "code"), ["UGA"]);
    assert_eq!(sides(&event, "recipients", "code"), ["KEN"]);
    // A warning with no one warned is no threat to the speaker.
    let warned = b"Kenyan workers could strike if ministers cut pay, warn union leaders.";
    assert_eq!(event_fields(warned, "2026-03-10", "type"), ["THREATEN"]);
}

/// "They" after two people named together as a subject stands for both.
#[test]
fn cli_they_after_two_people_is_both() {
    let text = b"Kenyan President Amos Kiprono and Ugandan President Ruth Nabirye met in Nairobi \
                 on Monday. They agreed to reopen the border.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let events = lines(&out)[0]["events"].as_array().unwrap().clone();
    let agreed = events
        .iter()
        .find(|e| e["trigger"]["text"] == "agreed")
        .expect("the agreement is coded");
    assert_eq!(sides(agreed, "actors", "code"), ["KEN", "UGA"]);
}

/// An office given to its holder or to another country is not the office a dictionary knows
/// by that name ("Secretary of State" is the US one only where nothing says otherwise).
#[test]
fn cli_an_office_with_its_holder_is_no_body() {
    let mentions = |text: &[u8]| coded_mentions(text, "2026-03-10");
    for text in [
        &b"The Secretary of State for Health, Kate Morley, met nurses."[..],
        b"Ana Ruiz, the Chilean Secretary of State, left.",
    ] {
        let found = mentions(text);
        assert!(
            found.iter().all(|(t, _)| t != "Secretary of State"),
            "{found:?}"
        );
    }
}

/// A town's council is its country's local government, where the story names that country;
/// a council named for a town of a country the story does not name is left alone.
#[test]
fn cli_a_towns_council_is_its_countrys() {
    let text = b"British and Kenyan officials met on Monday. The Leeds City Council said \
                 nothing. The Lisbon Council said nothing.";
    let found = coded_mentions(text, "2026-03-10");
    assert!(
        found.contains(&("Leeds City Council".into(), "GBR".into())),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(t, _)| t != "Lisbon Council"),
        "{found:?}"
    );
}

/// A known name the recogniser found only the end of, past "and", is found whole.
#[test]
fn cli_a_name_cut_at_and_is_found_whole() {
    let found = coded_mentions(
        b"Kenyan officials met the Food and Agriculture Organisation on Monday.",
        "2026-03-10",
    );
    assert!(
        found
            .iter()
            .any(|(t, c)| t == "Food and Agriculture Organisation" && c.starts_with("IGO")),
        "{found:?}"
    );
}

/// A named venue no dictionary knows, after "at", is where the act took place, not its target.
#[test]
fn cli_a_venue_after_at_is_no_recipient() {
    let text = b"Kenyan opposition leaders protested at Velan State University on Monday.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "PROTEST");
    let recipients = events[0]["recipients"].as_array().unwrap();
    assert!(
        recipients
            .iter()
            .all(|r| r["text"] != "Velan State University"),
        "{recipients:?}"
    );
}

/// A capital before a noun that names no sector ("the Madrid market") says where the thing
/// is: the country, not its government.
#[test]
fn cli_a_capital_before_a_noun_is_no_government() {
    let text = b"Deutsche Boerse held talks with the Madrid market on Monday.";
    let out = kestrel(&["code", "-", "--published", "2005-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    let recipients = events[0]["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 1, "{recipients:?}");
    assert_eq!(recipients[0]["code"], "ESP", "{recipients:?}");
    assert!(recipients[0]["sector"].is_null(), "{recipients:?}");
}

#[test]
fn cli_its_after_a_noun_subject_is_not_the_country_named_before() {
    let text = b"Kenya and Uganda signed a pact on Friday. The Tanzanian army has completed its \
                 withdrawal from the island. Uganda said it would send observers.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let mention = |t: &str| entities.iter().find(|e| e["text"] == t).cloned();
    // "its" is the army's, which is no named country: it joins nothing.
    assert!(mention("its").is_none(), "{:?}", mention("its"));
    // A pronoun after a named subject still joins it.
    assert_eq!(mention("it").expect("it is linked")["actor"]["code"], "UGA");
}

#[test]
fn cli_participants_known_by_sector_take_the_country_of_the_events_place() {
    let code = |text: &[u8]| {
        let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
        assert!(out.status.success());
        lines(&out)[0]["events"][0].clone()
    };
    // The place in the event's own clause.
    let e = code(b"Opposition leaders staged a protest in Lusaka on Monday.");
    assert_eq!(e["actors"][0]["sector"], "OPP");
    assert_eq!(e["actors"][0]["code"], "ZMB");
    assert_eq!(e["place_source"], "text");
    // The dateline's place.
    let e = code(
        "LUSAKA \u{2014} Opposition leaders accused the electoral commission of fraud.".as_bytes(),
    );
    assert_eq!(e["actors"][0]["code"], "ZMB");
    assert_eq!(e["place_source"], "dateline");
    // A protest with no place of its own is not placed in the article's main place by it, but
    // its groups are the story's own country's, when the story names one more than any other.
    let e =
        code(b"Opposition leaders staged a protest on Monday. Lusaka was quiet, and Lusaka slept.");
    assert_eq!(e["place_source"], "article");
    assert_eq!(e["actors"][0]["code"], "ZMB", "{e}");
    // A story of two capitals, each named once, is no one country's.
    let e =
        code(b"Opposition leaders staged a protest on Monday. Lusaka was quiet, and Harare slept.");
    assert!(e["actors"][0]["code"].is_null(), "{e}");
}

#[test]
fn cli_home_regions_are_learned_and_read_bare_town_names_near_home() {
    let scratch = temp_dir("home-regions");
    let dir = scratch.path();
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"a1","url":"https://www.valley-ledger.example/news/1","text":"The mayor of Knoxville met officials from Chattanooga on Monday to discuss the new rail line."}"#,
            "\n",
            r#"{"id":"a2","url":"https://valley-ledger.example/news/2","text":"Floods closed roads between Murfreesboro and Clarksville, the state transport office said."}"#,
            "\n",
            r#"{"id":"a3","url":"https://valley-ledger.example/news/3","text":"Police in Springfield arrested two men after a robbery at a petrol station."}"#,
            "\n",
        ),
    )
    .unwrap();
    let homes = dir.join("homes.tsv");
    let input = input.to_str().unwrap();
    let out = kestrel(
        &["home-regions", input, "-o", homes.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tsv = std::fs::read_to_string(&homes).unwrap();
    assert!(
        tsv.lines()
            .any(|l| l == "valley-ledger.example\tUSA\tTennessee"),
        "{tsv}"
    );
    let springfield = |extra: &[&str]| {
        let mut args = vec![
            "code",
            input,
            "--stages",
            "clean,segment,tag,parse,ner,actors,places",
        ];
        args.extend_from_slice(extra);
        let out = kestrel(&args, None);
        assert!(out.status.success());
        let docs = lines(&out);
        let place = docs[2]["places"][0].clone();
        assert_eq!(place["text"], "Springfield", "{place}");
        place["admin1"].as_str().unwrap().to_string()
    };
    // Alone the largest Springfield; in the Tennessee paper, Tennessee's.
    assert_ne!(springfield(&[]), "Tennessee");
    assert_eq!(
        springfield(&["--home-regions", homes.to_str().unwrap()]),
        "Tennessee"
    );
    // A home the gazetteer does not know is an error that says what to write.
    std::fs::write(&homes, "valley-ledger.example\tUSA\tAtlantis\n").unwrap();
    let out = kestrel(
        &["code", input, "--home-regions", homes.to_str().unwrap()],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 3166"));
}

#[test]
fn cli_places_resolve_and_locate_events() {
    let text = b"Kenyan police clashed with students in Mombasa on Tuesday. \
                 Later the governor flew to Kampala.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    let places = doc["places"].as_array().unwrap();
    let find = |name: &str| {
        places
            .iter()
            .find(|p| p["text"] == name)
            .unwrap_or_else(|| panic!("{name} not placed: {places:?}"))
    };
    assert_eq!(find("Mombasa")["country"], "KEN");
    assert_eq!(find("Mombasa")["level"], "city");
    assert_eq!(find("Kampala")["country"], "UGA");
    assert_eq!(find("Kampala")["level"], "capital");
    let lat = find("Mombasa")["lat"].as_f64().unwrap();
    assert!((-5.0..-3.0).contains(&lat), "Mombasa at latitude {lat}");
    let clash = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["trigger"]["text"] == "clashed")
        .expect("the clash is coded");
    assert_eq!(clash["place"], find("Mombasa")["id"]);
    assert_eq!(clash["place_source"], "text");

    // Without a place in its clause, an event takes the dateline's.
    let text = b"KISUMU, Kenya \xe2\x80\x94 Kenya condemned Uganda on Monday.";
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    let event = &doc["events"][0];
    assert_eq!(event["place_source"], "dateline", "{doc}");
    let place = doc["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == event["place"])
        .unwrap();
    assert_eq!(place["text"], "KISUMU");
    assert_eq!(place["country"], "KEN");

    // Region phrases: a compass part of a country, and a named group of regions.
    let text = b"Artillery fire was heard in eastern Ukraine, far from the Donbas.";
    let out = kestrel(&["code", "-"], Some(text));
    let doc = &lines(&out)[0];
    let places = doc["places"].as_array().unwrap();
    let texts: Vec<&str> = places.iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["eastern Ukraine", "Donbas"], "{places:?}");
    for p in places {
        assert_eq!(p["level"], "region");
        assert_eq!(p["country"], "UKR");
    }
}

#[test]
fn cli_check_events_reports_full_coverage() {
    let out = kestrel(&["check-events"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("PLOVER types    16 of 16"), "{report}");
    assert!(report.contains("CAMEO roots     20 of 20"), "{report}");
    // A broken user dictionary is refused with its line.
    let scratch = temp_dir("events-dict");
    let dir = scratch.path();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "[ACCUSE]\nverb scold => 999\n").unwrap();
    let out = kestrel(&["check-events", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt:2") && err.contains("not a CAMEO code"),
        "{err}"
    );
}

#[test]
fn cli_eval_plover_prints_scores() {
    let path = repo_root().join("../shared/data/events/PLOVER_GSR_CAMEO.json");
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return;
    }
    let out = kestrel(&["eval", "plover", path.to_str().unwrap(), "--json"], None);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let scores: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(scores["records"], 322);
    for key in [
        "type_accuracy",
        "type_macro_f1",
        "actor_country_accuracy",
        "recipient_country_accuracy",
        "event_f1",
    ] {
        let v = scores[key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&v), "{key} = {v}");
    }
    // A floor well under the measured figure, so that a broken coder fails.
    assert!(scores["type_accuracy"].as_f64().unwrap() > 0.2, "{scores}");
}

#[test]
fn cli_eval_ner_scores_the_recogniser_and_the_pipeline() {
    let path = repo_root().join("crates/kestrel-nlp/tests/data/tiny-ner.iob2");
    for extra in [None, Some("--pipeline")] {
        let mut args = vec!["eval", "ner", path.to_str().unwrap(), "--json"];
        args.extend(extra);
        let out = kestrel(&args, None);
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let scores: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
        let f1 = scores["f1"].as_f64().unwrap();
        // Plain names of people and countries in short sentences: the shipped models find
        // most of them either way.
        assert!(f1 > 0.5, "{args:?}: {scores}");
    }
}

#[test]
fn cli_eval_petrarch_scores_a_suite_of_our_own() {
    let scratch = temp_dir("petrarch");
    let dir = scratch.path();
    std::fs::write(
        dir.join("verbs.txt"),
        "--- CONDEMN [111] ---\nCONDEMN\n\n--- VISIT [042:043] ---\nVISIT\n",
    )
    .unwrap();
    std::fs::write(dir.join("actors.txt"), "KENYA [KEN]\nUGANDA [UGA]\n").unwrap();
    std::fs::write(dir.join("agents.txt"), "MINISTER [~GOV]\n").unwrap();
    std::fs::write(dir.join("discards.txt"), "FOOTBALL MATCH\n").unwrap();
    let xml = r#"<Validation>
<Environment>
  <Verbfile>verbs.txt</Verbfile><Actorfile>actors.txt</Actorfile>
  <Agentfile>agents.txt</Agentfile><Discardfile>discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="20260301" id="OWN-1" category="VERB">
<EventCoding eventcode="111" sourcecode="KEN" targetcode="UGA" />
<Text>Kenya condemned Uganda on Monday.</Text>
</Sentence>
<Sentence date="20260301" id="OWN-2" category="VERB">
<EventCoding eventcode="042" sourcecode="UGA" targetcode="KEN" />
<EventCoding eventcode="043" sourcecode="KEN" targetcode="UGA" />
<Text>Uganda visited Kenya on Monday.</Text>
</Sentence>
<Sentence date="20260301" id="OWN-3" category="NEGATION">
<EventCoding noevents="True" />
<Text>Kenya did not condemn Uganda.</Text>
</Sentence>
<Sentence date="20260301" id="OWN-4" category="DISCARD">
<EventCoding error="sentencediscard" />
<Text>Kenya condemned Uganda after the football match.</Text>
</Sentence>
<Sentence date="20260301" id="OWN-5" category="ERROR" evaluate="false">
<EventCoding noevents="True" />
<Text>Not scored.</Text>
</Sentence>
</Sentences>
</Validation>
"#;
    let file = dir.join("suite.xml");
    std::fs::write(&file, xml).unwrap();
    let (stdout, scores) = json_of_run(&["eval", "petrarch", file.to_str().unwrap(), "--json"]);
    assert_eq!(scores["records"], 5);
    assert_eq!(scores["scored"], 4);
    assert_eq!(scores["passed"], 4, "{stdout}");
    assert_eq!(scores["tp"], 3);
    assert_eq!(scores["event_precision"], 1.0);

    // Dictionaries given on the command line win over the <Environment>; a missing one is
    // named in the error.
    let out = kestrel(
        &[
            "eval",
            "petrarch",
            file.to_str().unwrap(),
            "--verbs",
            "no-such-verbs.txt",
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-verbs.txt"));
}

#[test]
fn cli_quotes_direct_indirect_partial_and_scare() {
    let text = "Kenya's president said the border would reopen on Monday.\n\n\
\"We will not wait any longer,\" William Ruto told reporters in Nairobi.\n\n\
\"The trucks must move.\"\n\n\
He called the delay \"a needless wound\" and mocked the so-called \"plan\".\n";
    let out = kestrel(
        &["code", "-", "--published", "2024-05-02"],
        Some(text.as_bytes()),
    );
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    assert_eq!(schema_errors(doc), Vec::<String>::new());
    let quotes = doc["quotes"].as_array().unwrap();
    let find = |kind: &str, starts: &str| {
        quotes
            .iter()
            .find(|q| q["kind"] == kind && q["text"].as_str().unwrap().starts_with(starts))
            .unwrap_or_else(|| panic!("no {kind} quote starting {starts:?} in {quotes:?}"))
    };
    let indirect = find("indirect", "the border would reopen");
    assert_eq!(indirect["cue"]["text"], "said");
    assert_eq!(indirect["speaker"]["code"], "KEN");
    let direct = find("direct", "\"We will not wait");
    assert_eq!(direct["speaker"]["text"], "William Ruto");
    assert_eq!(direct["cue"]["text"], "told");
    // The next paragraph's quote has no cue of its own: the same speaker goes on.
    let next = find("direct", "\"The trucks must move.");
    assert_eq!(next["speaker"]["text"], "William Ruto");
    assert!(next["cue"].is_null());
    let partial = find("partial", "\"a needless wound\"");
    assert_eq!(partial["speaker"]["text"], "He");
    let scare = find("scare", "\"plan\"");
    assert!(scare["speaker"].is_null());
    // Offsets are characters into the text.
    let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let (a, b) = (
        direct["start"].as_u64().unwrap() as usize,
        direct["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        chars[a..b].iter().collect::<String>(),
        direct["text"].as_str().unwrap()
    );
}

#[test]
fn cli_eval_quotes_scores_a_brat_folder() {
    let scratch = temp_dir("quotes-eval");
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    std::fs::create_dir_all(dir.join("text")).unwrap();
    let text = "Ghana said the talks had failed.";
    std::fs::write(dir.join("text/own-article.txt"), text).unwrap();
    std::fs::write(
        dir.join("attributions/own-article_x1.ann"),
        "T1\tSource 0 5\tGhana\nT2\tCue 6 10\tsaid\nT3\tContent 11 31\tthe talks had failed\n",
    )
    .unwrap();
    // A quote that continues its speaker's statement after the attribution is one content
    // with it, as brat writes it: from the first mark to the last.
    let text = "\"We will reopen the ferry,\" Orvik said. \"The repairs are done.\"";
    std::fs::write(dir.join("text/two-parts.txt"), text).unwrap();
    std::fs::write(
        dir.join("attributions/two-parts_x1.ann"),
        format!(
            "T1\tSource 28 33\tOrvik\nT2\tCue 34 38\tsaid\nT3\tContent 0 27;40 {}\tx\n",
            text.len()
        ),
    )
    .unwrap();
    let (_, scores) = json_of_run(&["eval", "quotes", dir.to_str().unwrap(), "--json"]);
    assert_eq!(scores["documents"], 2);
    for role in ["source", "cue", "content"] {
        assert_eq!(scores[format!("{role}_exact")]["f1"], 1.0, "{scores}");
    }
}

#[test]
fn cli_reference_article_quotes_have_their_speakers() {
    let path = repo_root().join("../shared/examples/g20-bali-2022-07-09.txt");
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return;
    }
    let out = kestrel(&["code", path.to_str().unwrap()], None);
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let quotes = doc["quotes"].as_array().unwrap();
    let direct: Vec<&Value> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    assert!(direct.len() >= 6, "{direct:?}");
    // Every direct quote has a speaker with a country, pronoun speakers included.
    for q in &direct {
        assert!(q["speaker"]["code"].is_string(), "{q}");
    }
    let codes: Vec<&str> = direct
        .iter()
        .map(|q| q["speaker"]["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"USA") && codes.contains(&"RUS"),
        "{codes:?}"
    );
}

#[test]
fn cli_reads_a_folder_of_web_formats() {
    use std::io::Write as _;
    let scratch = temp_dir("web");
    let dir = scratch.path();
    let article = "<p>The governments of Valdoria and Kessland agreed on Tuesday to reopen the northern border crossing, which had been closed for eleven months after a dispute over customs fees.</p>\
<p>Trucks carrying grain and fuel were expected to pass through by the end of the week, officials from both countries said at a joint news conference.</p>\
<p>The agreement also sets up a joint commission that will meet every three months to settle disagreements over tariffs.</p>";
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Crossing reopens</title>\
<meta property=\"article:published_time\" content=\"2024-03-05\"></head>\
<body><nav>Home World Sport</nav><article><h1>Crossing reopens</h1>{article}</article></body></html>"
    );
    std::fs::write(dir.join("page.html"), &page).unwrap();
    // A WARC archive, gzipped record by record as web archives are.
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}");
    let record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-03-06T10:00:00Z\r\nWARC-Target-URI: https://example.org/a\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(record.as_bytes()).unwrap();
    std::fs::write(dir.join("crawl.warc.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        dir.join("wire.xml"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Wire</title>\
<item><title>Talks</title><link>https://example.org/t</link>\
<description>Valdoria and Kessland held talks on Monday about the border crossing.</description></item>\
</channel></rss>",
    )
    .unwrap();
    let line = serde_json::json!({"id": "from-html", "html": page}).to_string();
    std::fs::write(
        dir.join("batch.jsonl"),
        format!("{line}\n{{\"id\":\"plain\",\"text\":\"Kessland condemned Valdoria.\"}}\n"),
    )
    .unwrap();
    let out = kestrel(
        &["code", dir.to_str().unwrap(), "--stages", "clean,segment"],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let docs = lines(&out);
    assert_eq!(docs.len(), 5, "{stderr}");
    for d in &docs {
        assert_eq!(schema_errors(d), Vec::<String>::new());
    }
    let page_doc = docs.iter().find(|d| d["id"] == "page").unwrap();
    assert!(page_doc["text"]
        .as_str()
        .unwrap()
        .starts_with("The governments of Valdoria"));
    assert_eq!(page_doc["published"], "2024-03-05");
    assert_eq!(page_doc["language"], "en");
    let html_line = docs.iter().find(|d| d["id"] == "from-html").unwrap();
    assert_eq!(html_line["title"], "Crossing reopens");
    assert!(stderr.contains("feed 1") && stderr.contains("html 1") && stderr.contains("warc 1"));
    assert!(stderr.contains("jsonl 2"), "{stderr}");
}

#[test]
fn cli_ingest_then_query_and_export() {
    let scratch = temp_dir("ingest");
    let dir = scratch.path();
    let db = dir.join("events.db");
    let db = db.to_str().unwrap();
    let reference = repo_root().join("../shared/examples/g20-bali-2022-07-09.txt");
    let own = dir.join("own.jsonl");
    std::fs::write(
        &own,
        concat!(
            r#"{"id": "w1", "published": "2026-03-10", "site_name": "Lantern", "text": "Kenya condemned Uganda on Monday."}"#,
            "\n",
            r#"{"id": "w2", "published": "2026-03-10", "site_name": "Courier", "text": "Kenya condemned Uganda on Monday over the border closure."}"#,
            "\n"
        ),
    )
    .unwrap();
    let ingest = |extra: &[&str]| {
        let mut args = vec!["ingest", "--db", db, "--published", "2022-07-09"];
        args.extend_from_slice(extra);
        kestrel(&args, None)
    };
    let out = ingest(&[reference.to_str().unwrap(), own.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("3 added"), "{err}");
    // Again: nothing new, nothing recoded.
    let out = ingest(&[reference.to_str().unwrap(), own.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("0 added") && err.contains("3 unchanged"),
        "{err}"
    );

    let query = |extra: &[&str]| {
        let mut args = vec!["query", "--db", db];
        args.extend_from_slice(extra);
        let out = kestrel(&args, None);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // The two reports of Kenya's condemnation are one event, seen by two outlets.
    let kenya = query(&["--actor", "KEN"]);
    let rows: Vec<Value> = kenya
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{kenya}");
    assert_eq!(rows[0]["num_articles"], 2);
    assert_eq!(rows[0]["num_sources"], 2);
    assert_eq!(rows[0]["date"], "2026-03-09");
    // By type and date, on the reference article.
    let protests = query(&[
        "--type",
        "PROTEST",
        "--from",
        "2022-07-08",
        "--to",
        "2022-07-08",
    ]);
    assert!(protests.lines().count() >= 1, "{protests}");
    assert!(query(&["--type", "PROTEST", "--from", "2023-01-01"]).is_empty());
    assert!(!query(&["--text", "Lavrov", "-f", "plover"]).is_empty());
    // GDELT: 61 tab-separated fields, codes as written.
    let gdelt = query(&["-f", "gdelt"]);
    for line in gdelt.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61, "{line}");
        assert_eq!(f[28], &f[26][..2]);
    }
    let mentions = query(&["-f", "gdelt", "--mentions", "--actor", "KEN"]);
    assert_eq!(mentions.lines().count(), 2);
    let csv = query(&["-f", "csv", "--actor", "KEN"]);
    assert!(csv.starts_with("event,date,type"), "{csv}");
    assert_eq!(csv.lines().count(), 2);
    let parquet = dir.join("out");
    query(&["-f", "parquet", "-o", parquet.to_str().unwrap()]);
    assert!(parquet
        .join("event_date=2026-03-09/events.parquet")
        .exists());

    // `kestrel code` writes the same exports directly.
    let out = kestrel(&["code", own.to_str().unwrap(), "-f", "gdelt"], None);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);

    // A file that is not a store is refused, named, and left as it was.
    let foreign = dir.join("notes.txt");
    std::fs::write(&foreign, "not a database").unwrap();
    let out = kestrel(&["query", "--db", foreign.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a SQLite database"));
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "not a database");
}

#[test]
fn cli_ingest_killed_midway_loses_nothing_committed() {
    let scratch = temp_dir("ingest-kill");
    let dir = scratch.path();
    let input = dir.join("many.jsonl");
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "{{\"id\": \"n{i}\", \"text\": \"Report number {i} about the harbour.\"}}\n"
        ));
    }
    std::fs::write(&input, text).unwrap();
    let db = dir.join("k.db");
    let args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--stages",
        "clean,segment",
        "-j",
        "2",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_kestrel"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stored = || {
        kestrel_store::Store::open_read_only(&db)
            .and_then(|s| s.counts())
            .map(|c| c[0])
            .unwrap_or(0)
    };
    let started = std::time::Instant::now();
    while stored() == 0 && started.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let kept = stored();
    assert!(kept > 0 && kept < 20_000, "killed after {kept} documents");
    // Whole batches only (32 documents a worker thread): a transaction is all or nothing.
    assert_eq!(kept % 64, 0, "{kept}");
    let out = kestrel(&args, None);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    assert!(err.contains(&format!("{kept} unchanged")), "{err}");
    assert_eq!(stored(), 20_000);
}

#[test]
fn cli_shards_together_equal_one_run() {
    let scratch = temp_dir("shards");
    let dir = scratch.path();
    for i in 0..7 {
        std::fs::write(
            dir.join(format!("note-{i}.txt")),
            format!("The ferry board met for the {i}th time. It approved a new timetable."),
        )
        .unwrap();
    }
    let jsonl: String = (0..5)
        .map(|i| format!("{{\"id\": \"line-{i}\", \"text\": \"The mayor opened bridge {i}.\"}}\n"))
        .collect();
    std::fs::write(dir.join("more.jsonl"), jsonl + "not json\n").unwrap();
    let run = |shard: Option<&str>| {
        let mut args = vec!["code", dir.to_str().unwrap(), "--stages", "clean,segment"];
        if let Some(s) = shard {
            args.extend(["--shard", s]);
        }
        let out = kestrel(&args, None);
        let mut lines: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    let whole = run(None);
    assert_eq!(whole.len(), 13, "7 texts, 5 lines and one error record");
    let mut parts: Vec<String> = ["0/3", "1/3", "2/3"]
        .iter()
        .flat_map(|s| run(Some(s)))
        .collect();
    let sizes: Vec<usize> = ["0/3", "1/3", "2/3"]
        .iter()
        .map(|s| run(Some(s)).len())
        .collect();
    assert_eq!(sizes, vec![5, 4, 4]);
    parts.sort();
    assert_eq!(parts, whole);
    for bad in ["3/3", "1", "a/2", "0/0"] {
        let out = kestrel(&["code", dir.to_str().unwrap(), "--shard", bad], None);
        assert!(!out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("K/N"),
            "{bad}"
        );
    }
}

#[test]
fn cli_quotes_from_learned_cues_and_loose_parses() {
    // A speech clause after a comma, a complement after "says that", and a cue verb learned
    // from PolNeAR's training split (dictionaries/cues.tsv) rather than listed by hand.
    let text = "The ferry fares will rise in May, Ortiz said.\n\n\
Mendes says that the public reaction has been anger.\n\n\
The mayor decried the new toll on the harbour bridge.\n";
    let out = kestrel(
        &["code", "-", "--published", "2024-05-02"],
        Some(text.as_bytes()),
    );
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let quotes = doc["quotes"].as_array().unwrap();
    let find = |cue: &str| {
        quotes
            .iter()
            .find(|q| q["cue"]["text"] == cue)
            .unwrap_or_else(|| panic!("no quote with cue {cue:?} in {quotes:?}"))
    };
    let said = find("said");
    assert_eq!(said["text"], "The ferry fares will rise in May");
    assert_eq!(said["speaker"]["text"], "Ortiz");
    let says = find("says");
    assert!(says["text"]
        .as_str()
        .unwrap()
        .ends_with("the public reaction has been anger"));
    assert_eq!(says["speaker"]["text"], "Mendes");
    let decried = find("decried");
    // What was decried: the object, with its "on" phrase where the parser hangs that on the
    // noun (the parser retrained in the eighth session of 2026-11-30 hangs it on the verb).
    assert!(decried["text"]
        .as_str()
        .unwrap()
        .starts_with("the new toll"));
    assert_eq!(decried["speaker"]["text"], "The mayor");
}

/// Writes `text` as article `name` of a brat folder, with one attribution whose source, cue
/// and content are the first occurrences of those words.
fn brat_attribution(dir: &Path, name: &str, text: &str, source: &str, cue: &str, content: &str) {
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    std::fs::create_dir_all(dir.join("text")).unwrap();
    let at = |part: &str| {
        let start = text.find(part).unwrap();
        format!("{start} {}\t{part}", start + part.len())
    };
    std::fs::write(dir.join(format!("text/{name}.txt")), text).unwrap();
    std::fs::write(
        dir.join(format!("attributions/{name}_x1.ann")),
        format!(
            "T1\tSource {}\nT2\tCue {}\nT3\tContent {}\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
            at(source),
            at(cue),
            at(content)
        ),
    )
    .unwrap();
}

/// Runs a `build-cues`-like `command` on the brat folder `dir` and returns the file it writes.
fn learn_from_brat(command: &str, dir: &Path) -> String {
    let out_file = dir.join("learned.tsv");
    let out = kestrel(
        &[
            command,
            "--polnear",
            dir.to_str().unwrap(),
            "--out",
            out_file.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&out_file).unwrap()
}

#[test]
fn cli_build_cue_model_learns_a_verb_the_rules_miss() {
    let scratch = temp_dir("build-cue-model");
    let dir = scratch.path();
    let who = ["Ortiz", "Delgado", "Harlow", "Okafor", "Varga", "Lindqvist"];
    for (i, w) in who.iter().enumerate() {
        let text = format!("{w} chortled at the ruling and walked home.");
        brat_attribution(dir, &format!("own-{i}"), &text, w, "chortled", "the ruling");
    }
    let learned = learn_from_brat("build-cue-model", dir);
    let model = kestrel_quotes::CueModel::from_tsv(&learned);
    let lemma = |word: &str| {
        learned
            .lines()
            .find_map(|l| l.strip_prefix("lem=").filter(|r| r.starts_with(word)))
            .map(|r| r.split('\t').next().unwrap().to_string())
            .unwrap_or_else(|| panic!("no lem={word}... feature"))
    };
    let (chortle, walk) = (lemma("chortl"), lemma("walk"));
    assert!(
        model.probability(&[format!("lem={chortle}")])
            > model.probability(&[format!("lem={walk}")])
    );
}

#[test]
fn cli_build_cues_learns_a_cue_verb_and_its_class() {
    let scratch = temp_dir("build-cues");
    let dir = scratch.path();
    let who = [
        "The farmers",
        "The bakers",
        "Two pilots",
        "The nurses",
        "A driver",
        "The miners",
    ];
    for (i, w) in who.iter().enumerate() {
        let text = format!("{w} grumbled that the new rules were unfair.");
        brat_attribution(
            dir,
            &format!("own-{i}"),
            &text,
            w,
            "grumbled",
            "that the new rules were unfair",
        );
    }
    let learned = learn_from_brat("build-cues", dir);
    // The lemma as Kestrel's lemmatizer gives it ("grumble" or a stem of it).
    let row = learned
        .lines()
        .find(|l| l.starts_with("grumbl"))
        .unwrap_or_else(|| panic!("grumbled not learned:\n{learned}"));
    let fields: Vec<&str> = row.split('\t').collect();
    assert_eq!(fields[1..4], ["speech", "6", "6"], "{row}");
    // "be" is a verb here only as a copula (AUX), never inside a cue: not learned.
    assert!(!learned.lines().any(|l| l.starts_with("unfair\t")));
}

/// The (cue, speaker) of each direct quote `kestrel code` finds in `text`, and all its quotes.
fn direct_cues_and_speakers(text: &str) -> (Vec<(String, String)>, Vec<serde_json::Value>) {
    let out = kestrel(&["code", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let quotes = doc["quotes"].as_array().unwrap().clone();
    let direct = quotes
        .iter()
        .filter(|q| q["kind"] == "direct")
        .map(|q| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
            (text(&q["cue"]["text"]), text(&q["speaker"]["text"]))
        })
        .collect();
    (direct, quotes)
}

#[test]
fn cli_quotes_find_speakers_and_statements_the_parse_misplaces() {
    let text =
        "\"The ferry plan is sound,\" said Mina Orvik, a spokeswoman for the harbour board.\n\n\
Harlow, who has clashed with Orvik often, said he had met her only once.\n\n\
Delgado, whose second-place finish surprised many, said that he would stay in the race.\n\n\
Tamsin Reyes has described the dinner as a celebration of the press.\n\n\
Orvik said last week that the board represents the whole valley.\n\n\
\"I told them we would win the vote,\" Orvik said.\n";
    let (_, quotes) = direct_cues_and_speakers(text);
    let found: Vec<(String, String, String)> = quotes
        .iter()
        .map(|q| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
            (
                text(&q["kind"]),
                text(&q["speaker"]["text"]),
                text(&q["text"]),
            )
        })
        .collect();
    let has = |kind: &str, speaker: &str, content: &str| {
        found
            .iter()
            .any(|(k, s, c)| k == kind && s.starts_with(speaker) && c.starts_with(content))
    };
    // A speech clause after the quote: the name after the verb.
    assert!(has("direct", "Mina Orvik", "\"The ferry"), "{found:?}");
    // A name before a relative clause set off by commas, and its statement after the verb.
    assert!(has("indirect", "Harlow", "he had met"), "{found:?}");
    assert!(has("indirect", "Delgado", "that he would"), "{found:?}");
    // "has described" is active: its subject is the speaker.
    assert!(has("indirect", "Tamsin Reyes", "the dinner"), "{found:?}");
    // A time between the verb and its clause.
    assert!(has("indirect", "Orvik", "that the board"), "{found:?}");
    // An evidential's subject is part of what is reported, and no one is named saying it.
    let (_, quotes) =
        direct_cues_and_speakers("The ferry measure appears to have wide support in the valley.\n");
    let evidential = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "appears")
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert!(evidential["speaker"].is_null(), "{evidential}");
    assert!(
        evidential["text"]
            .as_str()
            .unwrap()
            .starts_with("The ferry measure"),
        "{evidential}"
    );
    // Relayed attribution: both kept, and a time is not what was said.
    let (_, quotes) = direct_cues_and_speakers(
        "The ferry talks had failed, the premier said on Friday, according to two people in \
         the room.\n",
    );
    let said = |speaker: &str| {
        quotes.iter().any(|q| {
            q["speaker"]["text"] == speaker
                && q["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("The ferry talks had failed")
        })
    };
    assert!(
        said("the premier") && said("two people in the room"),
        "{quotes:?}"
    );
    // A stance inside what someone is reported to say is part of the report.
    let (_, quotes) = direct_cues_and_speakers("Orvik said the board supports the ferry plan.\n");
    assert!(
        !quotes.iter().any(|q| q["cue"]["text"] == "supports"),
        "{quotes:?}"
    );
    // Speech reported inside a quotation is not an attribution of its own.
    assert!(
        !found
            .iter()
            .any(|(k, _, c)| k == "indirect" && c.starts_with("we would")),
        "{found:?}"
    );
}

#[test]
fn cli_quotes_with_split_off_or_colon_attributions() {
    let text = "\"Will the ferry run on time next week?\" The harbour master asked.\n\n\
Mayor Ada Okafor: \"The bridge stays shut until the inspectors finish.\"\n";
    let (direct, quotes) = direct_cues_and_speakers(text);
    assert_eq!(
        direct,
        [("asked", "The harbour master"), (":", "Mayor Ada Okafor")]
            .map(|(c, p)| (c.to_string(), p.to_string())),
        "{quotes:?}"
    );
}

#[test]
fn cli_quotes_with_unseen_verbs_and_run_together_sentences() {
    // "tweeted" is not in the treebank (its lemma comes out wrong); "said.The" lacks a space.
    let text =
        "\u{201c}The ferry will run again next week,\u{201d} the harbour master tweeted.\n\n\
\u{201c}Repairs are finished,\u{201d} Ada Okafor said.The council agreed.\n";
    let (direct, quotes) = direct_cues_and_speakers(text);
    assert_eq!(
        direct,
        [("tweeted", "the harbour master"), ("said", "Ada Okafor")]
            .map(|(c, p)| (c.to_string(), p.to_string())),
        "{quotes:?}"
    );
}

#[test]
fn cli_quotes_according_to_either_side() {
    let text = "According to the transport ministry, the fleet has grown by a third.\n\n\
The fleet has grown by a third, according to the transport ministry.\n";
    let out = kestrel(&["code", "-"], Some(text.as_bytes()));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let found: Vec<(String, String)> = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_lowercase(),
                q["speaker"]["text"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    let want = (
        "the fleet has grown by a third".to_string(),
        "the transport ministry".to_string(),
    );
    assert_eq!(found, [want.clone(), want], "{found:?}");
}

/// Each word of `text` with the XPOS tag `kestrel code --output-format conllu` gives it.
fn conllu_xpos(text: &[u8]) -> Vec<(String, String)> {
    let out = kestrel(&["code", "-", "--output-format", "conllu"], Some(text));
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[1].to_string(), c[4].to_string())
        })
        .collect()
}

#[test]
fn cli_a_noun_read_as_an_adjective_before_its_verb_is_a_noun() {
    // With the built-in models: "official" after "U.S." had been tagged an adjective and
    // "praised" a participle.
    let xpos = conllu_xpos(b"A senior U.S. official praised the agreement.");
    assert!(xpos.contains(&("official".into(), "NN".into())), "{xpos:?}");
    assert!(xpos.contains(&("praised".into(), "VBD".into())), "{xpos:?}");
}

#[test]
fn cli_a_sentence_opening_with_its_subject_keeps_it() {
    // With the built-in models, the statistical tagger reads "Police" as a past-tense verb
    // and "arrested" as a participle; the tag stage's repairs put both right.
    let xpos = conllu_xpos(b"Police arrested a suspected smuggler near Lodwar.\n");
    // EWT writes "police" as a singular and as a plural noun alike.
    assert!(
        xpos.contains(&("Police".into(), "NN".into()))
            || xpos.contains(&("Police".into(), "NNS".into())),
        "{xpos:?}"
    );
    assert!(
        xpos.contains(&("arrested".into(), "VBD".into())),
        "{xpos:?}"
    );
}

/// A name right after a noun for a work is its title: no actor, though the dictionary knows
/// the words ("Black Friday" is an armed group in PETRARCH's, "Britons" a nationality).
#[test]
fn cli_titles_of_works_are_no_actors() {
    let text =
        b"Critics in Lagos praised the film Black Friday and her new song Britons on Sunday.";
    let named: Vec<String> = coded_mentions(text, "2005-03-01")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(named.iter().any(|n| n == "Lagos"), "{named:?}");
    assert!(!named.iter().any(|n| n == "Black Friday"), "{named:?}");
    assert!(!named.iter().any(|n| n == "Britons"), "{named:?}");
}

/// "Andy Murray ... Murray said": a surname that PETRARCH files as a place under a country
/// (Murray, Australia's) is the person's, with no country from it; a town after "in" stays a
/// place.
#[test]
fn cli_a_surname_that_names_a_place_is_no_country() {
    let text = b"Tennis player Andy Murray beat his rival on Monday. Murray said he felt \
                 stronger. The referee, Hugh Dallas, was praised. Dallas said nothing. The team \
                 later trained in Dallas.";
    let out = kestrel(&["code", "-", "--published", "2005-03-01"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let mentions = |name: &str| -> Vec<(String, String)> {
        entities
            .iter()
            .filter(|e| e["text"] == name)
            .map(|e| {
                let kind = e["type"].as_str().unwrap_or("").to_string();
                let code = e["actor"]["code"].as_str().unwrap_or("").to_string();
                (kind, code)
            })
            .collect()
    };
    assert_eq!(
        mentions("Murray"),
        [("PERSON".to_string(), String::new())],
        "{entities:?}"
    );
    let dallas = mentions("Dallas");
    assert_eq!(
        dallas[0],
        ("PERSON".to_string(), String::new()),
        "{dallas:?}"
    );
    assert!(
        !entities
            .iter()
            .any(|e| e["text"] == "Hugh Dallas" && !e["actor"].is_null()),
        "{entities:?}"
    );
    assert_eq!(
        dallas[1],
        ("GPE".to_string(), "USA".to_string()),
        "{dallas:?}"
    );
    assert!(
        !entities
            .iter()
            .any(|e| e["text"] == "Andy Murray" && !e["actor"].is_null()),
        "{entities:?}"
    );
}

/// A person whom the dictionary alone places in a small country the story never names, or
/// in a country where they held no role on the story's date, is a namesake: John Williams of
/// a football club is not Barbados' minister, though he is in a story from Bridgetown.
#[test]
fn cli_a_small_countrys_official_is_no_namesake_elsewhere() {
    let away = coded_mentions(
        b"The chief executive, John Williams, said the striker would stay until the summer.",
        "2005-03-01",
    );
    assert!(away.is_empty(), "{away:?}");
    let home = coded_mentions(
        b"In Bridgetown, John Williams opened the new stadium on Monday.",
        "2005-03-01",
    );
    assert!(
        home.iter()
            .any(|(name, code)| name == "John Williams" && code == "BRB"),
        "{home:?}"
    );
    // Chris Evans held an Australian office from 2008: in 2005, in a story that names no
    // Australian place, the name is someone else's.
    let later = coded_mentions(
        b"The broadcaster Chris Evans sold his furniture at a market stall on Sunday.",
        "2005-03-01",
    );
    assert!(later.is_empty(), "{later:?}");
    let then = coded_mentions(
        b"Senator Chris Evans spoke in Canberra on Sunday.",
        "2009-03-01",
    );
    assert!(
        then.iter()
            .any(|(name, code)| name == "Chris Evans" && code == "AUS"),
        "{then:?}"
    );
}

/// An office the recogniser reads as a name ("the United Nations Emergency Relief
/// Coordinator") is its holder's: the body or country is the mention, and the person named
/// beside the office takes its code.
#[test]
fn cli_an_office_read_as_a_name_gives_its_body_to_the_person() {
    let text = b"Amara Diallo, the United Nations Emergency Relief Coordinator, toured the \
                 flooded valley. Later, Jonas Berg, US Trade Representative, flew home.";
    let coded = coded_mentions(text, "2020-05-01");
    let has = |name: &str, code: &str| coded.iter().any(|(n, c)| n == name && c == code);
    assert!(has("Amara Diallo", "IGOUNO"), "{coded:?}");
    assert!(has("United Nations", "IGOUNO"), "{coded:?}");
    assert!(has("Jonas Berg", "USA"), "{coded:?}");
    assert!(has("US", "USA"), "{coded:?}");
    assert!(
        !coded
            .iter()
            .any(|(n, _)| n.ends_with("Coordinator") || n.ends_with("Representative")),
        "{coded:?}"
    );
}

/// A pronoun inside a quotation is not its speaker's party: speakers say "we".
#[test]
fn cli_they_in_a_quotation_is_not_the_speakers_side() {
    let text = b"Mara Velden, the Green Party's treasury spokeswoman, said: \"The \
                 Conservatives' figures are wrong. They have no plan for the railways.\"";
    let out = kestrel(&["code", "-", "--published", "2005-03-01"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let cluster_of = |name: &str| {
        entities
            .iter()
            .find(|e| e["text"] == name)
            .map(|e| e["cluster"].clone())
    };
    assert!(cluster_of("They").is_some(), "{entities:?}");
    assert_eq!(
        cluster_of("They"),
        cluster_of("Conservatives"),
        "{entities:?}"
    );
}

/// A bare surname the story never gives in full is not the opposition politician of that
/// name; after "Mr" it still is.
#[test]
fn cli_a_bare_surname_is_no_politician_the_story_never_names() {
    let sport = coded_mentions(
        b"Davis hit twelve aces as the visitors won the tie in Leeds on Sunday. Davis said \
          the crowd had helped him.",
        "2005-03-01",
    );
    assert!(
        sport
            .iter()
            .all(|(name, _)| name != "Davis" && name != "him"),
        "{sport:?}"
    );
    let politics = coded_mentions(b"Mr Davis said the plan had failed.", "2005-03-01");
    assert!(
        politics
            .iter()
            .any(|(name, code)| name == "Davis" && code == "GBR"),
        "{politics:?}"
    );
}

/// The outlet a statement was made to ("told BBC Radio Kent") is not what the pronouns of the
/// statement refer to.
#[test]
fn cli_the_outlet_told_is_no_antecedent() {
    let text = b"Aldo Ferra spoke after the vote in Kent. He told BBC Radio Kent: \"They have \
                 never listened to us, and it shows.\"";
    let out = kestrel(&["code", "-", "--published", "2005-03-01"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let bbc = entities
        .iter()
        .find(|e| e["text"] == "BBC" || e["text"] == "BBC Radio Kent")
        .expect("the outlet is a mention");
    assert!(
        !entities
            .iter()
            .any(|e| e["mention"] == "pronoun" && e["cluster"] == bbc["cluster"]),
        "{entities:?}"
    );
}

/// One string field of each event `code` finds in `text`, in order.
fn event_fields(text: &[u8], published: &str, field: &str) -> Vec<String> {
    let out = kestrel(&["code", "-", "--published", published], Some(text));
    assert!(out.status.success());
    lines(&out)[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[field].as_str().unwrap_or("").to_string())
        .collect()
}

/// The one event a text codes, dated 2026-03-10.
fn only_event(text: &[u8]) -> Value {
    let out = kestrel(&["code", "-", "--published", "2026-03-10"], Some(text));
    assert!(out.status.success());
    let events = lines(&out)[0]["events"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    events[0].clone()
}

/// One field of each actor or recipient of an event ("actors", "code").
fn sides(event: &Value, side: &str, field: &str) -> Vec<String> {
    event[side]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[field].as_str().unwrap_or("").to_string())
        .collect()
}

/// The mentions of a text that have an actor, with the actor's code.
fn coded_mentions(text: &[u8], published: &str) -> Vec<(String, String)> {
    let out = kestrel(&["code", "-", "--published", published], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["actor"].is_null())
        .map(|e| {
            let text = e["text"].as_str().unwrap_or("").to_string();
            let code = e["actor"]["code"].as_str().unwrap_or("").to_string();
            (text, code)
        })
        .collect()
}

/// "The Blair government" after "Tony Blair" is Britain's, though the curated list's only
/// Blair is a Canadian minister; a daughter called Victoria is not the Seychelles' capital.
#[test]
fn cli_a_leaders_surname_and_a_given_name_read_by_the_story() {
    let text = b"Critics of Tony Blair met in Leeds. They said the Blair government had failed. \
                 His daughter Victoria, a lawyer, agreed with them.";
    let out = kestrel(&["code", "-", "--published", "2005-03-01"], Some(text));
    assert!(out.status.success());
    let doc = &lines(&out)[0];
    let entities = doc["entities"].as_array().unwrap();
    let actor = |name: &str| {
        entities
            .iter()
            .find(|e| e["text"] == name)
            .map(|e| e["actor"].clone())
            .unwrap_or_else(|| panic!("no {name} in {entities:?}"))
    };
    assert_eq!(actor("Blair")["code"], "GBR");
    assert!(actor("Victoria").is_null(), "{}", actor("Victoria"));
}

/// Two letters not both capitals are no initials: "Us Weekly" is no United States.
#[test]
fn cli_mixed_case_two_letters_are_no_initials() {
    let text =
        b"Us magazine was unrepentant, the editor in Paris said. The US embassy said nothing.";
    let american: Vec<String> = coded_mentions(text, "2005-03-01")
        .into_iter()
        .filter(|(_, code)| code == "USA")
        .map(|(name, _)| name)
        .collect();
    assert_eq!(american, ["US"]);
}

/// A president whose title follows a body no mention names ("Academy president") heads that
/// body, not the story's state; a minister is still the state's.
#[test]
fn cli_a_president_of_an_unnamed_body_is_no_head_of_state() {
    let text = b"The Kenyan government said on Monday it would fund the festival. \
                 Academy president Ana Ruiz praised the plan. \
                 Finance minister Luis Soto praised the plan too.";
    let coded = coded_mentions(text, "2005-03-01");
    assert!(
        !coded.iter().any(|(t, _)| t == "Ana Ruiz"),
        "the Academy's president is no Kenyan official: {coded:?}"
    );
    assert!(
        coded.contains(&("Luis Soto".to_string(), "KEN".to_string())),
        "{coded:?}"
    );
}

/// A senior vice president is a company's officer, not the deputy head of the story's state.
#[test]
fn cli_a_senior_vice_president_is_no_head_of_state() {
    let text = b"The Kenyan government said on Monday it would fund the festival. \
                 Senior vice president Ana Ruiz praised the plan.";
    let a = actor_of(
        &["code", "-", "--published", "2005-03-01"],
        text,
        "Ana Ruiz",
    );
    assert_eq!(a["sector"].as_str(), Some("BUS"), "{a}");
}

/// People and companies of the 2005 news that no imported dictionary holds.
#[test]
fn cli_builtin_dictionary_knows_people_and_companies_of_2005() {
    let text = b"Clara Furse met executives of MCI and Euronext in London on Monday. \
                 Robert Kilroy-Silk was not there.";
    let code_of = |name: &str| -> String {
        let a = actor_of(&["code", "-", "--published", "2005-01-20"], text, name);
        format!(
            "{} {}",
            a["code"].as_str().unwrap_or(""),
            a["sector"].as_str().unwrap_or("")
        )
    };
    assert_eq!(code_of("Clara Furse"), "GBR BUS");
    assert_eq!(code_of("MCI"), "MNCUSA MNC");
    assert_eq!(code_of("Euronext"), "MNCNLD MNC");
    assert_eq!(code_of("Robert Kilroy-Silk"), "GBR LEG");
}

/// A relative clause whose subject is a pronoun ("which it says are unfair") reports the view
/// of the clause above's subject, not of the noun it hangs on or a nearer name.
#[test]
fn cli_a_pronoun_in_a_relative_clause_is_the_subject_above() {
    for text in [
        &b"Kenya still has a complaint against Nigeria, which it accuses of blocking trade."[..],
        b"Kenya has asked the World Trade Organisation to examine European Union import \
          quotas, which it says are unfair to farmers.",
    ] {
        let coded = coded_mentions(text, "2005-03-01");
        assert!(
            coded.contains(&("it".to_string(), "KEN".to_string())),
            "\"it\" is Kenya: {coded:?}"
        );
    }
}

/// A speaker who goes on in a quotation does not call themselves "he", and a pronoun outside
/// the quotation marks is the speaker, not someone the quotation names.
#[test]
fn cli_pronouns_in_and_after_a_quotation_follow_the_speaker() {
    let pronouns = |text: &[u8]| -> Vec<(String, String)> {
        coded_mentions(text, "2005-03-01")
            .into_iter()
            .filter(|(t, _)| matches!(t.to_lowercase().as_str(), "he" | "his"))
            .collect()
    };
    let inside = pronouns(
        b"Tony Blair said George Bush had been a loyal ally. \"His support was vital to us.\"",
    );
    assert_eq!(inside, [("His".to_string(), "USA".to_string())]);
    let after = pronouns(
        b"Tony Blair spoke to reporters in London. \"George Bush has been a loyal ally,\" he \
          said. He added that the talks would go on.",
    );
    assert_eq!(
        after,
        [
            ("he".to_string(), "GBR".to_string()),
            ("He".to_string(), "GBR".to_string())
        ]
    );
}

/// A place named where something is ("held in Nairobi") is not what a later "it" refers to.
#[test]
fn cli_it_is_not_a_place_named_where_something_is() {
    for text in [
        &b"The festival is held every year in Nairobi. It draws thousands of visitors."[..],
        b"A new museum opened in Kenya on Monday. Its collection holds old maps.",
    ] {
        let coded = coded_mentions(text, "2005-03-01");
        assert!(
            !coded
                .iter()
                .any(|(t, _)| t.eq_ignore_ascii_case("it") || t == "Its"),
            "{coded:?}"
        );
    }
}

/// What a verb of telling reports is the teller's word on their own side, not on the one told.
#[test]
fn cli_the_one_told_is_not_they_in_what_is_told() {
    let text =
        b"Officials at the ministry told Reuters they had reached a settlement with the union.";
    let coded = coded_mentions(text, "2005-03-01");
    assert!(
        !coded.iter().any(|(t, _)| t == "they"),
        "\"they\" is not Reuters: {coded:?}"
    );
}

#[test]
fn cli_the_shipped_neural_scorer_loads_beside_the_built_in_models_and_parses() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en_ewt-neural");
    let out = kestrel(
        &[
            "code",
            "-",
            "--models",
            dir.to_str().unwrap(),
            "--stages",
            "clean,segment,tag,parse",
        ],
        Some(b"Coastguards rescued nine fishermen off the northern coast on Sunday."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &lines(&out)[0];
    let tokens = doc["sentences"][0]["tokens"].as_array().unwrap();
    let arc = |i: usize| {
        (
            tokens[i]["head"].as_u64().unwrap(),
            tokens[i]["deprel"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(arc(1), (0, "root".to_string()), "{tokens:?}");
    assert_eq!(arc(0), (2, "nsubj".to_string()), "{tokens:?}");
    assert_eq!(arc(3), (2, "obj".to_string()), "{tokens:?}");
}
