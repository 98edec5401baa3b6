#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Scores the recommender against two baselines on the evaluation world's hidden outcomes.

NDCG@10 after Järvelin & Kekäläinen (2002): graded gains (the outcome's relevance 0-3), the
discount 1/log2(rank) from rank 2 on (rank 1 undiscounted: their b = 2), normalised by the DCG
of the best possible top 10 among the creators the recommender may return. Recall@10: relevant
creators (relevance >= 1) in the top 10 / all relevant creators of the campaign.
Baselines, with the recommender's exclusions: most followers among creators sharing a niche with
the campaign (then most followers overall, if fewer than 10); random, the mean of 50 draws.
Diagnosis: the recommender's top 100 re-ranked without each factor's contribution; a factor
whose removal raises NDCG@10 hurts the ranking on this world.
Writes JSON to --output and a Markdown summary to stdout. Python standard library only.
"""
import argparse
import json
import math
import os
import random
import statistics
import sys

K = 10
RANDOM_DRAWS = 50
FACTORS = ["topic", "audience", "size", "engagement", "authenticity", "price", "performance",
           "declines"]


def dcg(gains):
    return sum(g / (1.0 if rank == 1 else math.log2(rank)) for rank, g in enumerate(gains, 1))


def ndcg(ranked, relevance, ideal):
    best = dcg(ideal[:K])
    return dcg([relevance.get(c, 0) for c in ranked[:K]]) / best if best > 0 else 0.0


def recall(ranked, relevance, total):
    return sum(1 for c in ranked[:K] if relevance.get(c, 0) >= 1) / total if total else 0.0


def item_id(item):
    return item["influencer"]["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--outcomes", required=True)
    parser.add_argument("--creators", required=True)
    parser.add_argument("--answers", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    creators = {}
    with open(args.creators, encoding="utf-8") as f:
        for line in f:
            cid, niches, followers = line.rstrip("\n").split("\t")
            creators[cid] = (set(n for n in niches.split(",") if n), int(followers))
    by_followers = sorted(creators, key=lambda c: (-creators[c][1], c))

    rows = []
    with open(args.outcomes, encoding="utf-8") as f:
        campaigns = [json.loads(line) for line in f if line.strip()]
    for campaign in campaigns:
        cid = campaign["campaignId"]
        relevance = {o["influencerId"]: o["relevance"] for o in campaign["outcomes"]
                     if o["relevance"] > 0 and o["influencerId"] in creators}
        ideal = sorted(relevance.values(), reverse=True)
        total = len(relevance)
        with open(os.path.join(args.answers, cid + ".10.json"), encoding="utf-8") as f:
            ours = [item_id(i) for i in json.load(f)["items"]]
        with open(os.path.join(args.answers, cid + ".100.json"), encoding="utf-8") as f:
            top100 = json.load(f)["items"]
        targets = set(campaign["targetNiches"])
        popular = [c for c in by_followers if creators[c][0] & targets][:K]
        popular += [c for c in by_followers if c not in popular][:K - len(popular)]
        rng = random.Random(int(cid.replace("-", "")[:8], 16))
        pool = sorted(creators)
        draws = [rng.sample(pool, min(K, len(pool))) for _ in range(RANDOM_DRAWS)]
        row = {
            "campaignId": cid, "relevant": total, "eligible": len(creators),
            "recommender": {"ndcg": ndcg(ours, relevance, ideal),
                            "recall": recall(ours, relevance, total), "returned": len(ours)},
            "popularity": {"ndcg": ndcg(popular, relevance, ideal),
                           "recall": recall(popular, relevance, total)},
            "random": {"ndcg": statistics.mean(ndcg(d, relevance, ideal) for d in draws),
                       "recall": statistics.mean(recall(d, relevance, total) for d in draws)},
            "withoutFactor": {},
        }
        for factor in FACTORS:
            def score(item, factor=factor):
                contribution = next((x["contribution"] for x in item["factors"]
                                     if x["code"] == factor), 0.0)
                return item["score"] - contribution
            reranked = [item_id(i) for i in sorted(top100, key=lambda i: -score(i))]
            row["withoutFactor"][factor] = ndcg(reranked, relevance, ideal)
        row["top100"] = ndcg([item_id(i) for i in top100], relevance, ideal)
        row["recallCeiling"] = min(K, total) / total if total else 0.0
        rows.append(row)

    def mean(path):
        values = [r[path[0]][path[1]] if len(path) == 2 else r[path[0]] for r in rows]
        return statistics.mean(values) if values else 0.0

    def stderr(path):
        values = [r[path[0]][path[1]] for r in rows]
        return statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0

    summary = {name: {"ndcg": mean((name, "ndcg")), "ndcgStderr": stderr((name, "ndcg")),
                      "recall": mean((name, "recall"))}
               for name in ("recommender", "popularity", "random")}
    summary["ratioToPopularity"] = (summary["recommender"]["ndcg"] / summary["popularity"]["ndcg"]
                                    if summary["popularity"]["ndcg"] > 0 else None)
    summary["withoutFactor"] = {f: mean(("withoutFactor", f)) for f in FACTORS}
    summary["top100Reference"] = mean(("top100",))
    summary["recallCeiling"] = mean(("recallCeiling",))
    result = {"campaigns": len(rows), "eligible": len(creators),
              "meanRelevant": statistics.mean(r["relevant"] for r in rows) if rows else 0,
              "summary": summary, "perCampaign": rows}
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)

    s = summary
    ratio = s["ratioToPopularity"]
    out = [f"Evaluation on generated data: {len(rows)} held-out test campaigns, "
           f"{len(creators)} creators the recommender may return, on average "
           f"{result['meanRelevant']:.1f} relevant per campaign.", "",
           "| ranking | NDCG@10 | ± s.e. | Recall@10 |", "|---|---:|---:|---:|"]
    for name, label in (("recommender", "**recommender**"),
                        ("popularity", "most followers in the niche"),
                        ("random", f"random (mean of {RANDOM_DRAWS})")):
        out.append(f"| {label} | {s[name]['ndcg']:.3f} | {s[name]['ndcgStderr']:.3f} "
                   f"| {s[name]['recall']:.3f} |")
    out += ["", "NDCG@10 recommender ÷ popularity: "
            + (f"**{ratio:.2f}** (target ≥ 1.3)" if ratio is not None else "n/a") + ". "
            f"Recall@10 cannot exceed {s['recallCeiling']:.3f} here (10 ÷ relevant creators).", "",
            "Re-ranking the recommender's top 100 without one factor (NDCG@10; with all "
            f"factors {s['top100Reference']:.3f}; higher without it = the factor hurts here):", "",
            "| without | NDCG@10 | change |", "|---|---:|---:|"]
    for factor in FACTORS:
        value = s["withoutFactor"][factor]
        out.append(f"| {factor} | {value:.3f} | {value - s['top100Reference']:+.3f} |")
    print("\n".join(out))
    if any(r["recommender"]["returned"] == 0 for r in rows):
        print("bench/recommendations: a test campaign got no recommendation", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
