"""trafilatura's main text on trafilatura-eval.tar.gz, scored as `kestrel eval extract` scores
Kestrel's (each page's "with" snippets must be in the text, its "without" snippets must not;
whitespace normalised), so that the two figures stand side by side.

    pip install trafilatura==2.3.1 lxml_html_clean
    python3 scripts/eval_trafilatura.py ../shared/data/extraction/trafilatura-eval.tar.gz
"""
import json
import sys
import tarfile

import trafilatura


def normalise(text):
    return " ".join(text.split())


def main():
    pages, evaldata = {}, None
    with tarfile.open(sys.argv[1]) as tar:
        for member in tar:
            if member.name.endswith("evaldata.json"):
                evaldata = json.load(tar.extractfile(member))
            elif member.name.endswith(".html"):
                pages[member.name.rsplit("/", 1)[-1]] = tar.extractfile(member).read()
    tp = fp = fn = tn = 0
    for url in sorted(evaldata):
        expect = evaldata[url]
        html = pages.get(expect.get("file"))
        if html is None:
            continue
        text = normalise(trafilatura.extract(html, url=url) or "")
        for snippet in expect.get("with", []):
            if normalise(snippet) in text:
                tp += 1
            else:
                fn += 1
        for snippet in expect.get("without", []):
            if normalise(snippet) in text:
                fp += 1
            else:
                tn += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"trafilatura {trafilatura.__version__}: precision {precision:.3f} recall {recall:.3f} "
          f"F1 {f1:.3f} accuracy {(tp + tn) / (tp + tn + fp + fn):.3f}")


if __name__ == "__main__":
    main()
