"""Pages per CPU-second of trafilatura on the same pages as Kestrel's extract benchmark (the
first 200 .html files of trafilatura-eval.tar.gz, in archive order): main text and metadata
from the page's bytes, as `kestrel_web::extract` after `decode_html` does.

    pip install trafilatura==2.3.1 lxml_html_clean
    taskset -c 0 python3 scripts/bench_trafilatura.py ../shared/data/extraction/trafilatura-eval.tar.gz

Prints the best of five passes for the default settings and for `fast=True` (one warm-up pass first), as criterion's figures for Kestrel are
read beside it.
"""
import sys
import tarfile
import time

import trafilatura

PAGES = 200
PASSES = 5


def pages(path):
    out = []
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.name.endswith(".html"):
                continue
            out.append(tar.extractfile(member).read())
            if len(out) == PAGES:
                break
    return out


def one_pass(docs, fast):
    start = time.process_time()
    for html in docs:
        trafilatura.bare_extraction(html, with_metadata=True, fast=fast)
    return time.process_time() - start


def main():
    docs = pages(sys.argv[1])
    # Default settings, then `fast=True` (no fallback extractors), trafilatura's quicker mode.
    for fast in (False, True):
        one_pass(docs[:20], fast)
        times = [one_pass(docs, fast) for _ in range(PASSES)]
        for seconds in times:
            print(f"pass: {len(docs)} pages in {seconds:.2f} CPU-s = {len(docs) / seconds:.1f} pages/s")
        best = min(times)
        mode = "fast=True" if fast else "default"
        print(f"trafilatura {trafilatura.__version__} ({mode}): best {len(docs) / best:.1f} pages per CPU-second")


if __name__ == "__main__":
    main()
