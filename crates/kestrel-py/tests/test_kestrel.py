"""The Python API on our own sentences: one text, a batch, errors, and the GIL released.

Run with the wheel installed: python -m unittest discover -s crates/kestrel-py/tests -p 'test_kestrel.py'
"""

import json
import threading
import unittest

import pyarrow as pa

import kestrel

ARTICLE = (
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday. "
    "The two leaders signed an agreement on a new mountain rail crossing."
)


class CodeTest(unittest.TestCase):
    def test_code_returns_the_document(self):
        doc = kestrel.code(ARTICLE, published="2025-03-03", id="rail-1", title="Rail link")
        self.assertEqual(doc["schema"], "kestrel/1")
        self.assertEqual(doc["id"], "rail-1")
        self.assertEqual(doc["published"], "2025-03-03")
        self.assertEqual(len(doc["sentences"]), 2)
        types = {e["type"] for e in doc["events"]}
        self.assertTrue(types & {"CONSULT", "AGREE"}, types)
        codes = {p["code"] for e in doc["events"] for p in e["actors"] + e["recipients"]}
        self.assertTrue({"CHL", "ARG"} & codes, codes)

    def test_a_bad_date_is_ignored_with_a_warning(self):
        doc = kestrel.code("The council met.", published="not a date")
        self.assertIsNone(doc["published"])
        self.assertIn("not a date", doc["warnings"][0])

    def test_text_must_be_a_string(self):
        with self.assertRaises(TypeError):
            kestrel.code(5)


class BatchTest(unittest.TestCase):
    def batch(self):
        return pa.RecordBatch.from_pydict(
            {
                "id": ["rail-1", "quiet", "broken"],
                "text": [ARTICLE, "It rained all day.", None],
                "published": pa.array(
                    [pa.scalar(20150, pa.date32()).as_py(), None, None], pa.date32()
                ),
            }
        )

    def test_events_table_matches_code(self):
        events = kestrel.code_batch(self.batch())
        self.assertEqual(events.schema.names, kestrel.EVENT_COLUMNS)
        rows = events.to_pylist()
        self.assertTrue(rows)
        self.assertEqual({r["doc_id"] for r in rows}, {"rail-1"})
        single = kestrel.code(ARTICLE, published="2025-03-03", id="rail-1")
        self.assertEqual(
            [(r["type"], r["cameo"], r["trigger"]) for r in rows],
            [(e["type"], e["cameo"], e["trigger"]["text"]) for e in single["events"]],
        )
        for r in rows:
            record = json.loads(r["plover"])
            self.assertEqual(record["event"], [r["type"]])
            self.assertEqual(ARTICLE[r["trigger_start"]:r["trigger_end"]], r["trigger"])
            # CAMEO's one-decimal scores, not their f32 neighbours.
            self.assertEqual(round(r["goldstein"], 1), r["goldstein"])
            # One place per participant in each list, so that they line up.
            for side in ("actor", "recipient"):
                words = (r[side + "_text"] or "").split(";")
                for column in ("codes", "sectors"):
                    if r[side + "_" + column] is not None:
                        self.assertEqual(len(r[side + "_" + column].split(";")), len(words))
            if r["recipient_implied"] is not None:
                words = (r["recipient_text"] or "").split(";")
                self.assertEqual(len(r["recipient_implied"].split(";")), len(words))

    def test_documents_table_keeps_failures(self):
        events, docs = kestrel.code_batch(self.batch(), documents=True)
        self.assertEqual(docs.schema.names, kestrel.DOCUMENT_COLUMNS)
        by_id = {d["id"]: d for d in docs.to_pylist()}
        self.assertEqual(set(by_id), {"rail-1", "quiet", "broken"})
        self.assertIsNone(by_id["rail-1"]["error"])
        self.assertEqual(by_id["rail-1"]["published"], "2025-03-03")
        self.assertEqual(by_id["quiet"]["events"], 0)
        self.assertIn("null", by_id["broken"]["error"])
        self.assertEqual(json.loads(by_id["rail-1"]["json"])["id"], "rail-1")
        self.assertEqual(by_id["rail-1"]["events"], events.num_rows)

    def test_a_batch_without_text_is_refused(self):
        with self.assertRaisesRegex(ValueError, "no column"):
            kestrel.code_batch(pa.RecordBatch.from_pydict({"body": ["x"]}))

    def test_the_gil_is_released_while_coding(self):
        kestrel.load()
        batch = pa.RecordBatch.from_pydict({"text": [ARTICLE] * 200})
        worker = threading.Thread(target=kestrel.code_batch, args=(batch,))
        ticks = 0
        worker.start()
        while worker.is_alive():
            ticks += 1
        worker.join()
        self.assertGreater(ticks, 1000, "Python did not run while the batch was coded")


if __name__ == "__main__":
    unittest.main()
