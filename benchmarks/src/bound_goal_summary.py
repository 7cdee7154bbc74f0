"""The summary of benchmarks/bound-goal.sh: python3 bound_goal_summary.py OUT RUNS (OUT: benchmarks/target/bound-goal).

The bound goal's time in a build is the run of rest2grpc:verify-protos and rest2grpc:generate (MojoStarted to
MojoSucceeded), plus the setup of either (the time between the previous mojo's end and its start) unless it is the
project's first mojo: the first mojo's setup is the project's start, where Maven computes the build plan and resolves
the dependencies of all the project's mojos at once (the union of their scopes: TEST, which rest2grpc:generate asks
for). That setup is reported on its own line, not counted.
"""
import csv
import statistics
import sys
from collections import defaultdict

out, runs = sys.argv[1], int(sys.argv[2])
APP = "sample-legacy-app"
PLUGIN = "rest2grpc-maven-plugin:"
table = list(csv.DictReader(open(f"{out}/runs.tsv"), delimiter="\t"))
walls = {int(r["run"]): float(r["wall_ms"]) for r in table}
compilers = {int(r["run"]): r["compiler"] for r in table}
per_mojo = defaultdict(lambda: {"setup": [], "run": []})
starts, rows = [], []
for run in range(1, runs + 1):
    bound = project = session = 0.0
    first = True
    for kind, proj, mojo, setup, ms in (line.rstrip("\n").split("\t") for line in open(f"{out}/times-{run}.tsv")):
        if kind == "mojo" and proj == APP:
            per_mojo[mojo]["setup"].append(0.0 if first else float(setup))
            per_mojo[mojo]["run"].append(float(ms))
            if first:
                starts.append(float(setup))
            if mojo.startswith(PLUGIN):
                bound += float(ms) + (0.0 if first else float(setup))
            first = False
        elif kind == "project" and proj == APP:
            project = float(ms)
        elif kind == "session":
            session = float(ms)
    rows.append((run, bound, project, session, walls[run]))

med = statistics.median
print(f"## Bound goal in an incremental `mvn compile` of {APP}, nothing changed ({runs} builds)\n")
print("| build | bound goal ms | Maven session ms | wall ms (`./mvnw` start to exit) | bound / session | bound / wall | compiler |")
print("|---|---|---|---|---|---|---|")
for run, bound, project, session, wall in rows:
    print(f"| {run} | {bound:.0f} | {session:.0f} | {wall:.0f} | {100 * bound / session:.1f}% | {100 * bound / wall:.1f}% "
          f"| {compilers[run]} |")
print(f"| **median** | **{med([r[1] for r in rows]):.0f}** | **{med([r[3] for r in rows]):.0f}** | **{med([r[4] for r in rows]):.0f}** "
      f"| **{100 * med([r[1] / r[3] for r in rows]):.1f}%** | **{100 * med([r[1] / r[4] for r in rows]):.1f}%** | |")
print(f"\nPer mojo of {APP}, medians in ms (setup: from the previous mojo's end to this one's start; run: MojoStarted to "
      "MojoSucceeded):\n")
print("| mojo | setup | run |")
print("|---|---|---|")
print(f"| (project start to its first mojo: build plan, dependency resolution for all its mojos) | {med(starts):.0f} | |")
for mojo, times in per_mojo.items():
    print(f"| {mojo} | {med(times['setup']):.0f} | {med(times['run']):.0f} |")
print(f"| (project: start to end) | | {med([r[2] for r in rows]):.0f} |")
