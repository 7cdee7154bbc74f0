#!/usr/bin/env python3
"""Writes corpus/manifest.tsv from a corpus folder and the provenance in its SOURCES.md.

    corpus/make-manifest.py [CORPUS_DIR] > corpus/manifest.tsv      (default ../shared/corpus beside the repo)

One row per file of the corpus (SOURCES.md itself aside): its path below the corpus root, the URL of
the same bytes in the public repository it was copied from, pinned to the commit SOURCES.md gives, its
sha256, its licence, and how the file derives from that URL ('copy', or the tool that bundled it).
Fails, naming the file, when SOURCES.md does not say where a file comes from.
"""
import hashlib
import re
import sys
import urllib.parse
from pathlib import Path

RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
# SOURCES.md names only the folder these come from; the OAI repository's file names there lack the 'oai-v2-' prefix.
UPSTREAM_NAMES = {
    "small/oai-v2-api-with-examples.yaml": "api-with-examples.yaml",
    "small/oai-v2-petstore-expanded.yaml": "petstore-expanded.yaml",
    "small/oai-v2-petstore.yaml": "petstore.yaml",
}
BUNDLED = "npx --yes @redocly/cli@2.77.0 bundle"


class Sources:
    """What SOURCES.md says: files and folders of the corpus, each with repo, commit, upstream path and licence."""

    def __init__(self, text):
        self.files = {}    # corpus path -> (repo, commit, upstream path, how)
        self.folders = {}  # corpus folder/ -> (repo, commit, upstream folder/)
        self.licences = {}  # repo -> licence
        self._provenance(text)
        self._added(text)

    def _provenance(self, text):
        for section in re.split(r"\n(?=### )", text):
            head = re.match(r"### `([^`]+)`", section)
            repo = re.search(r"- repo: `([^`]+)`", section)
            lic = re.search(r"license:? ([^\n—]+?)\s*(?:\n|$)", section)
            if not (head and repo and lic):
                continue
            entry, repo = head.group(1), repo.group(1)
            self.licences.setdefault(repo, lic.group(1).strip())
            pinned = re.search(r"— commit `([0-9a-f]{40})`.*?— path: `([^`]+)`", section)
            if pinned:
                commit, path = pinned.groups()
                path = re.sub(r"\s*\(.*\)$", "", path)
                if path.endswith("/"):
                    self.folders["/".join(entry.split("/")[:2]) + "/"] = (repo, commit, path)
                else:
                    self.files[entry] = (repo, commit, path, "copy")
                continue
            path = re.search(r"— path: `([^`]+)`", section).group(1)
            for version, name, commit in re.findall(r"- (v\d): `([^`]+)` = commit `([0-9a-f]{40})`", section):
                self.files[entry + name] = (repo, commit, path, "copy")

    def _added(self, text):
        table = text.split("## Added:", 1)[1]
        for row in re.findall(r"^\| (`.+)\|$", table, re.M):
            entries, repo, commits, path, notes = [c.strip() for c in row.split(" | ")]
            names = re.findall(r"`([^`]+)`", entries)
            names = [n if "/" in n else names[0].rsplit("/", 1)[0] + "/" + n for n in names]
            hashes = re.findall(r"[0-9a-f]{40}", commits)
            path = re.findall(r"`([^`]+)`", path)[0]
            how = BUNDLED if "redocly bundle" in notes or "redocly bundle" in row else "copy"
            for i, name in enumerate(names):
                commit = hashes[i] if len(hashes) > 1 else hashes[0]
                upstream = path + UPSTREAM_NAMES.get(name, name.rsplit("/", 1)[1]) if path.endswith("/") else path
                self.files[name] = (repo, commit, upstream, how)

    def origin(self, rel):
        if rel in self.files:
            return self.files[rel]
        for folder, (repo, commit, upstream) in self.folders.items():
            if rel.startswith(folder):
                return repo, commit, upstream + rel[len(folder):], "copy"
        raise SystemExit(f"make-manifest: SOURCES.md does not say where {rel} comes from: add it there first")


def main():
    repo_root = Path(__file__).resolve().parent.parent
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else repo_root.parent / "shared" / "corpus")
    sources = Sources((corpus / "SOURCES.md").read_text(encoding="utf-8"))
    rows = ["# path\turl\tsha256\tlicence\thow\n"]
    for file in sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "SOURCES.md"):
        rel = file.relative_to(corpus).as_posix()
        repo, commit, upstream, how = sources.origin(rel)
        if "\t" in rel or "\n" in rel:
            raise SystemExit(f"make-manifest: {rel}: a tab or newline in a file name cannot go into a TSV row")
        url = RAW.format(repo=repo, commit=commit, path=urllib.parse.quote(upstream))
        sha = hashlib.sha256(file.read_bytes()).hexdigest()
        rows.append(f"{rel}\t{url}\t{sha}\t{sources.licences[repo]}\t{how}\n")
    sys.stdout.write("".join(rows))


if __name__ == "__main__":
    main()
