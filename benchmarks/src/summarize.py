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
print("Cells: median wall time (min–max over the successful runs; max RSS over them). rest2grpc runs with "
      "`-Xmx512m`, as `java -jar` and through its launcher (`bin/openapi-to-proto`: C1 only, serial GC, "
      "class-data-sharing archive), each reading the spec's lock as every conversion after a "
      "project's first does (and writing it only if it changed, which it does not here); \"launcher, no lock\" is the launcher with `--no-lock`; \"parse, fast\" is the "
      "swagger-parser baseline with the launcher's JVM flags and a class-data-sharing archive of its own.\n")
print("| spec | size | runs jar/launcher/parse/gen | rest2grpc `java -jar` | rest2grpc launcher | launcher, no lock | "
      "swagger-parser parse | parse, fast | openapi-generator protobuf-schema | floor `java -jar --version` | floor launcher `--version` |")
print("|---|---:|---|---|---|---|---|---|---|---:|---:|")
verdicts = []


def ratio(a, b):
    return a / b if a and b else None


def times(x, digits):
    return f"{x:.{digits}f}x" if x else "n/a"


for spec in specs:
    r, l, ln, p, pf, g = (stats(t, spec) for t in ("rest2grpc", "launcher", "launcher-nolock", "parse", "parse-fast", "generator"))
    floor, lfloor = stats("startup", spec)["med"], stats("launcher-startup", spec)["med"]
    size = os.path.getsize(os.path.join(corpus, spec)) / 1e6
    print(f"| `{spec}` | {size:.1f} MB | {r['n']}/{l['n']}/{p['n']}/{g['n']} | {cell(r)} | {cell(l)} | {cell(ln)} | {cell(p)} | {cell(pf)} | {cell(g)} | "
          f"{f'{floor:.2f} s' if floor else 'n/a'} | {f'{lfloor:.2f} s' if lfloor else 'n/a'} |")
    verdicts.append((spec, r, l, ln, g, p, pf))

first = [row for rows in runs.values() for row in rows if row["tool"] == "launcher-first"]
if first:
    f = first[0]
    print(f"\nThe launcher's first conversion, which also writes its class-data-sharing archive (once per jar and JVM): "
          f"`{f['spec']}` {float(f['wall_s']):.2f} s (exit {f['rc']}).")

print("\n## Ratios\n")
print("| spec | gen ÷ r2g `java -jar` | gen ÷ r2g launcher | gen ÷ launcher, no lock | `java -jar` ÷ parse | launcher ÷ parse "
      "| launcher ÷ parse, fast | launcher, no lock ÷ parse, fast |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for spec, r, l, ln, g, p, pf in verdicts:
    print(f"| `{spec}` | {times(ratio(g['med'], r['med']), 1)} | {times(ratio(g['med'], l['med']), 1)} | "
          f"{times(ratio(g['med'], ln['med']), 1)} | {times(ratio(r['med'], p['med']), 2)} | {times(ratio(l['med'], p['med']), 2)} | "
          f"{times(ratio(l['med'], pf['med']), 2)} | {times(ratio(ln['med'], pf['med']), 2)} |")

print("\n## Targets\n")
print("Judged on the launcher, the way the README tells users to run the converter, against the parse baseline "
      "given the same JVM flags; the plain `java -jar` figure follows in brackets (against the plain parse).\n")
print(f"| spec | ≥ {GEN_TARGET:.0f}x faster than openapi-generator | ≤ {PARSE_TARGET}x swagger-parser parse | succeeds with `-Xmx512m` |")
print("|---|---|---|---|")


def verdict(x, ok, digits):
    return f"{yes_no(ok(x))} ({x:.{digits}f}x)" if x else "n/a"


for spec, r, l, ln, g, p, pf in verdicts:
    gen_v = verdict(ratio(g["med"], l["med"]), lambda x: x >= GEN_TARGET, 1)
    gen_jar = verdict(ratio(g["med"], r["med"]), lambda x: x >= GEN_TARGET, 1)
    parse_v = verdict(ratio(l["med"], pf["med"]), lambda x: x <= PARSE_TARGET, 2)
    parse_jar = verdict(ratio(r["med"], p["med"]), lambda x: x <= PARSE_TARGET, 2)
    mem_v = f"{yes_no(l['n'] > 0 and not l['failed'] and r['n'] > 0 and not r['failed'])} ({l['ok'] + r['ok']}/{l['n'] + r['n']} runs exit 0)"
    print(f"| `{spec}` | {gen_v} [{gen_jar}] | {parse_v} [{parse_jar}] | {mem_v} |")

print("\n## Output size (last successful run)\n")
print("| spec | rest2grpc .proto files / messages | openapi-generator .proto files / messages |")
print("|---|---|---|")
for spec in specs:
    r, g = stats("launcher", spec), stats("generator", spec)
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
