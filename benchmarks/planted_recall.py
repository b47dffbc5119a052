#!/usr/bin/env python3
"""How many of the duplicates generate_alpaca.py planted a `sftlint check --format json` report finds.

usage: planted_recall.py DATA.jsonl PLANTED.tsv REPORT.json

- copies: the share reported by D001.
- paraphrases (one word of the instruction replaced): the exact Jaccard similarity of each to its source is
  computed here with sftlint's shingles (words; pairs of adjacent CJK characters), and the share at or above the
  threshold that D003 puts in the group of its source is reported, with the spread of similarities. A Chinese
  instruction has no spaces, so its "paraphrase" replaces the whole instruction with one English word: not a
  near-duplicate, and counted apart.
"""
import json
import re
import sys
import unicodedata
from collections import Counter

CJK = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
TOKEN = re.compile(rf"[{CJK}]|[^\W_{CJK}]+")
IS_CJK = re.compile(rf"[{CJK}]")


def shingles(text):
    tokens = TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    found = set()
    for i, token in enumerate(tokens):
        if not IS_CJK.fullmatch(token):
            found.add(token)
            continue
        after = i + 1 < len(tokens) and IS_CJK.fullmatch(tokens[i + 1])
        before = i > 0 and IS_CJK.fullmatch(tokens[i - 1])
        if after:
            found.add(token + tokens[i + 1])
        elif not before:
            found.add(token)
    return found


def question(record):
    # The user turn: instruction and input joined by a newline, as sftlint reads Alpaca.
    text = record["instruction"]
    if record.get("input", "").strip():
        text += "\n" + record["input"]
    return text


def normalised(text):
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def main():
    data_path, planted_path, report_path = sys.argv[1:4]
    planted = [line.rstrip("\n").split("\t") for line in open(planted_path, encoding="utf-8")]
    planted = [(kind, int(index), int(source)) for kind, index, source in planted]
    wanted = {i for _, i, s in planted} | {s for _, i, s in planted}
    records = {}
    with open(data_path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i in wanted:
                records[i] = json.loads(line)

    report = json.load(open(report_path, encoding="utf-8"))
    threshold = 0.8
    flagged = {}  # (code, record) -> first record of the group, from the finding's first related location
    for finding in report["findings"]:
        related = finding["related"][0]["record"] if finding["related"] else None
        flagged[(finding["code"], finding["record"])] = related

    def group_first(i):
        return flagged.get(("D003", i), i)

    copies = [(i, s) for kind, i, s in planted if kind == "copy"]
    found_copies = sum(1 for i, s in copies if ("D001", i) in flagged)
    print(f"planted copies: {len(copies)}, reported by D001: {found_copies} ({found_copies / len(copies):.1%})")

    bands = Counter()
    reachable = found = equal = chinese = 0
    missed = []
    for kind, i, s in planted:
        if kind != "paraphrase":
            continue
        a, b = question(records[i]), question(records[s])
        if " " not in records[s]["instruction"]:
            chinese += 1
            continue
        if normalised(a) == normalised(b):
            equal += 1  # the word was replaced by itself: an exact copy, D001's
            continue
        x, y = shingles(a), shingles(b)
        similarity = len(x & y) / len(x | y)
        bands[min(int(similarity * 10), 9) / 10] += 1
        if similarity >= threshold - 1e-9:
            reachable += 1
            # An exact copy of an earlier paraphrase is D001's; its first copy stands for it in the group.
            j = flagged.get(("D001", i), i)
            if ("D003", j) in flagged and group_first(j) == group_first(s):
                found += 1
            else:
                missed.append((i, s, similarity))
    english = sum(bands.values())
    print(f"planted paraphrases: {english + equal + chinese} ({english + equal} English, {chinese} Chinese)")
    print(f"  English paraphrases equal to their source after normalisation (D001's): {equal}")
    print("  English paraphrases by exact Jaccard similarity to their source:")
    for band in sorted(bands):
        print(f"    {band:.1f}-{band + 0.1:.1f}: {bands[band]}")
    print(f"  at or above {threshold}: {reachable}; in their source's D003 group: {found} "
          f"(recall {found / max(reachable, 1):.2%})")
    print(f"  below {threshold} (not near-duplicates by definition): {english - reachable}")
    print(f"  Chinese 'paraphrases' (the whole instruction replaced by one word; not near-duplicates): {chinese}")
    for i, s, similarity in missed[:10]:
        print(f"  missed: record {i} from {s}, similarity {similarity:.3f}")


if __name__ == "__main__":
    main()
