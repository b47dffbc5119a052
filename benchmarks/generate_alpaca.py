#!/usr/bin/env python3
"""Writes a synthetic Alpaca JSONL file for benchmarks: N records of about 700 bytes each.

Deterministic (seeded). Mixes English and Chinese records, some with `input`, and plants exact copies and
light paraphrases of earlier prompts (1% each), so later dedup rules have something to find.

usage: generate_alpaca.py OUT.jsonl [N] [PLANTED.tsv]   (N defaults to 1,000,000, about 700 MB)

With PLANTED.tsv, also lists the planted records, one a line: `copy` or `paraphrase`, the planted record's
0-based index, and the index of the record it was made from. The data file is the same either way.
"""
import json
import random
import sys

WORDS = (
    "the of and to in is that for it as was with be by on not he this are or his from at which but have an they "
    "you were her she there been one all we their has would when if so no will more can who what up out about "
    "model data train answer question explain write list describe summary reason step example code function value "
    "result language people time year work world system number water city river history science music energy"
).split()
HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
OPENINGS = ["Sure! ", "Certainly. ", "Here is ", "The answer is ", "", "", "", ""]


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def chinese(rng, chars):
    return "".join(rng.choice(HANZI) for _ in range(chars)) + "。"


def record(rng, i):
    if i % 5 == 4:
        instruction = chinese(rng, rng.randint(12, 30))
        output = "".join(chinese(rng, rng.randint(20, 40)) for _ in range(rng.randint(3, 6)))
        inp = chinese(rng, rng.randint(10, 40)) if rng.random() < 0.3 else ""
    else:
        instruction = sentence(rng, rng.randint(8, 20))
        inp = sentence(rng, rng.randint(10, 30)) if rng.random() < 0.3 else ""
        output = rng.choice(OPENINGS) + " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(5, 10)))
    return {"instruction": instruction, "input": inp, "output": output}


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    planted = open(sys.argv[3], "w", encoding="utf-8") if len(sys.argv) > 3 else None
    rng = random.Random(20261122)
    kept = []  # (index, record): choosing a pair draws the same random numbers as choosing a record
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            roll = rng.random()
            if kept and roll < 0.01:
                source, rec = rng.choice(kept)  # exact copy
                rec = dict(rec)
                kind = "copy"
            elif kept and roll < 0.02:
                source, rec = rng.choice(kept)  # paraphrase: one word of the prompt changed
                rec = dict(rec)
                words = rec["instruction"].split(" ")
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                rec["instruction"] = " ".join(words)
                kind = "paraphrase"
            else:
                rec = record(rng, i)
                kind = None
                if len(kept) < 10_000:
                    kept.append((i, rec))
                elif rng.random() < 0.01:
                    kept[rng.randrange(len(kept))] = (i, rec)
            if planted and kind:
                planted.write(f"{kind}\t{i}\t{source}\n")
            f.write(json.dumps(rec, ensure_ascii=False))
            f.write("\n")
    if planted:
        planted.close()


if __name__ == "__main__":
    main()
