"""Turns benchmarks/target/bench/raw.csv (+ warm.csv, machine.txt) into the markdown of RESULTS.md.

usage: python3 summarize.py OUT_DIR CORPUS_DIR
"""
import csv
import os
import statistics
import sys

GEN_TARGET = 20.0    # openapi-generator time / rest2grpc time, at least
PARSE_TARGET = 1.5   # rest2grpc time / swagger-parser parse time, at most

out_dir, corpus = sys.argv[1], sys.argv[2]

runs = {}
with open(os.path.join(out_dir, "raw.csv")) as f:
    for row in csv.DictReader(f):
        runs.setdefault((row["tool"], row["spec"]), []).append(row)
specs = list(dict.fromkeys(spec for _, spec in runs))


def stats(tool, spec):
    rows = runs.get((tool, spec), [])
    ok = [r for r in rows if r["rc"] == "0"]
    failed = [r for r in rows if r["rc"] != "0"]
    med = statistics.median(float(r["wall_s"]) for r in ok) if ok else None
    rss = max(int(r["maxrss_kb"]) for r in ok) / 1024 if ok else None
    spread = (min(float(r["wall_s"]) for r in ok), max(float(r["wall_s"]) for r in ok)) if ok else None
    last = ok[-1] if ok else None
    return dict(n=len(rows), ok=len(ok), failed=failed, med=med, rss=rss, spread=spread, last=last)


def cell(s):
    if s["n"] == 0:
        return "not run"
    if s["med"] is None:
        rcs = ",".join(sorted({r["rc"] for r in s["failed"]}))
        return f"**failed** {s['n']}/{s['n']} (rc {rcs}{', 124 = timeout' if '124' in rcs else ''})"
    text = f"{s['med']:.2f} s ({s['spread'][0]:.2f}–{s['spread'][1]:.2f}; {s['rss']:.0f} MB)"
    if s["failed"]:
        text += f", **{len(s['failed'])}/{s['n']} failed**"
    return text


def yes_no(ok):
    return "yes" if ok else "**NO**"


print("## Whole process (JVM start to exit), medians\n")
print("Cells: median wall time (min–max over the successful runs; max RSS over them).\n")
print("| spec | size | runs r2g/parse/gen | rest2grpc convert `-Xmx512m` | swagger-parser parse | openapi-generator protobuf-schema | gen ÷ r2g | r2g ÷ parse | JVM floor (`--version`) |")
print("|---|---:|---|---|---|---|---:|---:|---:|")
verdicts = []
for spec in specs:
    r, p, g = stats("rest2grpc", spec), stats("parse", spec), stats("generator", spec)
    floor = stats("startup", spec)["med"]
    size = os.path.getsize(os.path.join(corpus, spec)) / 1e6
    gen_ratio = g["med"] / r["med"] if r["med"] and g["med"] else None
    parse_ratio = r["med"] / p["med"] if r["med"] and p["med"] else None
    print(f"| `{spec}` | {size:.1f} MB | {r['n']}/{p['n']}/{g['n']} | {cell(r)} | {cell(p)} | {cell(g)} | "
          f"{f'{gen_ratio:.1f}x' if gen_ratio else 'n/a'} | {f'{parse_ratio:.2f}x' if parse_ratio else 'n/a'} | {f'{floor:.2f} s' if floor else 'n/a'} |")
    verdicts.append((spec, r, g, gen_ratio, parse_ratio))

print("\n## Targets\n")
print(f"| spec | ≥ {GEN_TARGET:.0f}x faster than openapi-generator | ≤ {PARSE_TARGET}x swagger-parser parse | succeeds with `-Xmx512m` |")
print("|---|---|---|---|")
for spec, r, g, gen_ratio, parse_ratio in verdicts:
    if gen_ratio is None:
        gen_v = "n/a (generator failed)" if g["n"] and g["med"] is None else "n/a"
    else:
        gen_v = f"{yes_no(gen_ratio >= GEN_TARGET)} ({gen_ratio:.1f}x)"
    parse_v = f"{yes_no(parse_ratio <= PARSE_TARGET)} ({parse_ratio:.2f}x)" if parse_ratio else "n/a"
    mem_v = f"{yes_no(r['n'] > 0 and not r['failed'])} ({r['ok']}/{r['n']} runs exit 0)"
    print(f"| `{spec}` | {gen_v} | {parse_v} | {mem_v} |")

print("\n## Output size (last successful run)\n")
print("| spec | rest2grpc .proto files / messages | openapi-generator .proto files / messages |")
print("|---|---|---|")
for spec in specs:
    r, g = stats("rest2grpc", spec), stats("generator", spec)
    fmt = lambda s: f"{s['last']['protos']} / {s['last']['messages']}" if s["last"] else "–"
    print(f"| `{spec}` | {fmt(r)} | {fmt(g)} |")

failed = [(k, r) for k, rows in runs.items() for r in rows if r["rc"] != "0"]
if failed:
    print("\n## Failed runs\n")
    print("| tool | spec | run | exit | time | cause (from the run's log) |")
    print("|---|---|---|---|---|---|")
    for (tool, spec), r in failed:
        log_path = os.path.join(out_dir, "logs", f"{tool}-{os.path.basename(spec)}-{r['run']}.log")
        cause = "timeout" if r["rc"] == "124" else ""
        if os.path.exists(log_path):
            with open(log_path, errors="replace") as f:
                lines = [l.strip() for l in f]
            picked = [l for l in lines if l.startswith("Caused by:")] or \
                     [l for l in lines if "Exception" in l or "error" in l.lower()]
            if picked:
                cause = picked[-1][:200].replace("|", "\\|")
        print(f"| {tool} | `{spec}` | {r['run']} | {r['rc']} | {r['wall_s']} s | {cause} |")

warm_path = os.path.join(out_dir, "warm.csv")
if os.path.exists(warm_path):
    with open(warm_path) as f:
        warm = list(csv.DictReader(f))
    if warm:
        print("\n## In process (warm JVM), medians of the second half of the rounds — NOT the targets' measure\n")
        print("| spec | swagger-parser parse | rest2grpc convert | r2g ÷ parse |")
        print("|---|---:|---:|---:|")
        for w in warm:
            if w["parse_ms"] and w["convert_ms"]:
                pm, cm = int(w["parse_ms"]), int(w["convert_ms"])
                print(f"| `{w['spec']}` | {pm} ms | {cm} ms | {cm / pm:.2f}x |" if pm else f"| `{w['spec']}` | {pm} ms | {cm} ms | n/a |")
            else:
                print(f"| `{w['spec']}` | failed | failed | n/a |")

print("\n## Run\n")
print("```")
with open(os.path.join(out_dir, "machine.txt")) as f:
    print(f.read().rstrip())
load_path = os.path.join(out_dir, "load.txt")
if os.path.exists(load_path):
    with open(load_path) as f:
        loads = [float(line.split()[1]) for line in f if len(line.split()) >= 2]
    if loads:
        print(f"load average (1 min) sampled every 15 s during the runs: min {min(loads):.2f}, "
              f"median {statistics.median(loads):.2f}, max {max(loads):.2f} ({len(loads)} samples)")
print("```")
