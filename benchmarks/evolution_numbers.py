#!/usr/bin/env python3
"""Helpers for evolution.sh (see README.md): field numbers across two conversions, buf findings, the table.

  evolution_numbers.py numbers V1_DIR V2_DIR DETAILS_JSON   -> one JSON line of counts on stdout
  evolution_numbers.py buf FINDINGS_JSONL                    -> one JSON line: total, count per rule
  evolution_numbers.py table RESULTS_JSONL                   -> the markdown table on stdout

The proto reader is deliberately small: comments and strings are tokenized away, option values
(`[ ... ]`, `option x = { ... };`) are skipped, and each `message`/`enum` (nested ones qualified as
Outer.Inner, under the file's package) collects its `type name = N` fields (oneof members count
as fields of the enclosing message) and its `NAME = N` values. Services, rpcs and extends are skipped.
"""
import json
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<lc>//[^\n]*)
  | (?P<bc>/\*.*?\*/)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<word>[A-Za-z0-9_.+-]+)
  | (?P<punct>.)
''', re.S | re.X)


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ('ws', 'lc', 'bc'):
            continue
        out.append(m.group())
    return out


class Reader:
    def __init__(self, toks):
        self.t = toks
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else None

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def skip_balanced(self, open_, close):
        """The current token is open_; skip past its matching close."""
        depth = 0
        while self.i < len(self.t):
            tok = self.next()
            if tok == open_:
                depth += 1
            elif tok == close:
                depth -= 1
                if depth == 0:
                    return

    def skip_statement(self):
        """Skip to the `;` ending this statement, or past a `{...}` body that ends it (service, rpc)."""
        while self.i < len(self.t):
            tok = self.peek()
            if tok == ';':
                self.i += 1
                return
            if tok == '{':
                self.skip_balanced('{', '}')
                if self.peek() == ';':
                    self.i += 1
                return
            if tok == '[':
                self.skip_balanced('[', ']')
                continue
            if tok == '(':
                self.skip_balanced('(', ')')
                continue
            if tok == '}':
                return
            self.i += 1


def parse_file(text, fields, enums):
    r = Reader(tokens(text))
    package = ''
    # first pass for the package (it may follow imports and options)
    for k, tok in enumerate(r.t):
        if tok == 'package' and k + 2 < len(r.t) and r.t[k + 2] == ';':
            package = r.t[k + 1]
            break
    prefix = package + '.' if package else ''
    body(r, None, prefix, fields, enums, top=True)


def body(r, kind, qual, fields, enums, top=False):
    """Read declarations until the closing brace (or end of file at top level). kind: None (file),
    'message', 'enum', 'oneof'; qual: the qualified name of the enclosing message or enum, or the
    package prefix at top level."""
    while r.peek() is not None:
        tok = r.peek()
        if tok == '}':
            r.next()
            return
        if tok == ';':
            r.next()
            continue
        if tok in ('message', 'enum') and r.i + 2 < len(r.t) and r.t[r.i + 2] == '{':
            r.next()
            name = r.next()
            r.next()  # {
            inner = (qual + name) if top else (qual + '.' + name)
            if tok == 'message':
                fields.setdefault(inner, {})
            else:
                enums.setdefault(inner, {})
            body(r, tok, inner, fields, enums)
            continue
        if tok == 'oneof' and r.i + 2 < len(r.t) and r.t[r.i + 2] == '{':
            r.next(); r.next(); r.next()
            body(r, 'oneof', qual, fields, enums)
            continue
        if tok in ('syntax', 'edition', 'package', 'import', 'option', 'reserved', 'extensions',
                   'service', 'extend', 'rpc'):
            r.skip_statement()
            continue
        if kind in ('message', 'oneof'):
            # a field: tokens up to `=`, the number, options, `;` (groups are not proto3)
            start = r.i
            while r.peek() not in (None, '=', ';', '{', '}'):
                if r.peek() == '<':
                    r.skip_balanced('<', '>')
                else:
                    r.next()
            if r.peek() == '=' and r.i > start:
                name = r.t[r.i - 1]
                decl = [t for t in r.t[start:r.i - 1] if t not in ('repeated', 'optional', 'required')]
                # the type: the last word before the name (a map's value type: the word before `>`)
                ftype = decl[-2] if decl and decl[-1] == '>' and len(decl) > 1 else (decl[-1] if decl else '')
                r.next()
                num = r.next()
                if num is not None and re.fullmatch(r'\d+', num):
                    fields.setdefault(qual, {})[name] = int(num)
                    TYPES.setdefault(qual, {})[name] = ftype
                r.skip_statement()
                continue
            r.skip_statement()
            continue
        if kind == 'enum':
            name = r.next()
            if r.peek() == '=':
                r.next()
                num = r.next()
                if num == '-':
                    num = '-' + r.next()
                if num is not None and re.fullmatch(r'-?\d+', num):
                    enums.setdefault(qual, {})[name] = int(num)
            r.skip_statement()
            continue
        r.skip_statement()


# field types by message and field name, filled by body() (read_dir() swaps it per directory)
TYPES = {}


def resolve(ftype, scope, messages):
    """The fully qualified message a field type names, by proto's scoping (innermost scope first), or None."""
    if ftype.startswith('.'):
        return ftype[1:] if ftype[1:] in messages else None
    parts = scope.split('.')
    while True:
        cand = '.'.join(parts + [ftype]) if parts else ftype
        if cand in messages:
            return cand
        if not parts:
            return None
        parts.pop()


# files of the protos each tool imports and does not own: the same in both versions
VENDORED = ('google/', 'rest2grpc/options/')


def read_dir(root):
    global TYPES
    TYPES = {}
    fields, enums = {}, {}
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if not f.endswith('.proto'):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            if rel.startswith(VENDORED):
                continue
            with open(path, encoding='utf-8', errors='replace') as fh:
                parse_file(fh.read(), fields, enums)
    # resolve each field's type to a message of the output (None: a scalar, enum or import)
    types = {m: {n: resolve(t, m, fields) for n, t in fs.items()} for m, fs in TYPES.items()}
    return fields, enums, types


def kept_and_moved(v1, v2, types):
    """Members (fields or enum values) kept by name in each of types, and those whose number moved."""
    kept = 0
    moved = []
    for t in types:
        for name, n1 in v1[t].items():
            n2 = v2[t].get(name)
            if n2 is None:
                continue
            kept += 1
            if n1 != n2:
                moved.append((t, name, n1, n2))
    return kept, moved


def numbers(v1, v2, details_path):
    f1, e1, t1 = read_dir(v1)
    f2, e2, t2 = read_dir(v2)
    msgs_both = sorted(set(f1) & set(f2))
    fields_both, changed = kept_and_moved(f1, f2, msgs_both)
    # a field kept (same message, same name) whose message type changed name (the spec renamed,
    # extracted or replaced its schema): the old type's fields, as v1 numbered them, against the
    # new type's, as v2 does. A moved number there corrupts data as silently as one in place.
    retyped = set()
    for m in msgs_both:
        for name in f1[m]:
            a, b = t1.get(m, {}).get(name), t2.get(m, {}).get(name)
            if name in f2[m] and a and b and a != b:
                retyped.add((a, b))
    through = []
    for a, b in sorted(retyped):
        for name, n1 in f1[a].items():
            n2 = f2[b].get(name)
            if n2 is not None and n1 != n2:
                through.append((a, b, name, n1, n2))
    enums_both = sorted(set(e1) & set(e2))
    values_both, vchanged = kept_and_moved(e1, e2, enums_both)
    # a field number of v1 reused in v2 by a field of another name, in the same message: data of
    # one field read as the other (the silent kind of corruption; buf reports it too)
    reused = []
    for m in msgs_both:
        by_num2 = {n: name for name, n in f2[m].items()}
        for name, n1 in f1[m].items():
            other = by_num2.get(n1)
            if other is not None and other != name:
                reused.append((m, n1, name, other))
    counts = {
        'messages_v1': len(f1), 'messages_v2': len(f2), 'messages_both': len(msgs_both),
        'fields_v1': sum(len(v) for v in f1.values()), 'fields_v2': sum(len(v) for v in f2.values()),
        'fields_both': fields_both, 'fields_renumbered': len(changed),
        'messages_with_renumbered': len({c[0] for c in changed}),
        'numbers_reused': len(reused),
        'retyped_pairs': len(retyped), 'fields_renumbered_through_retype': len(through),
        'retypes_with_renumbered': len({(c[0], c[1]) for c in through}),
        'enums_both': len(enums_both), 'enum_values_both': values_both,
        'enum_values_renumbered': len(vchanged),
    }
    with open(details_path, 'w') as fh:
        json.dump({'counts': counts,
                   'fields_renumbered': [{'message': m, 'field': n, 'v1': a, 'v2': b} for m, n, a, b in changed],
                   'fields_renumbered_through_retype': [{'v1_type': a, 'v2_type': b, 'field': n, 'v1': x, 'v2': y}
                                                        for a, b, n, x, y in through],
                   'numbers_reused': [{'message': m, 'number': k, 'v1': a, 'v2': b} for m, k, a, b in reused],
                   'enum_values_renumbered': [{'enum': e, 'value': n, 'v1': a, 'v2': b} for e, n, a, b in vchanged]},
                  fh, indent=1)
    print(json.dumps(counts))


def buf_counts(path):
    c = Counter()
    if os.path.exists(path):
        with open(path) as fh:
            for line in fh:
                line = line.strip()
                if not line.startswith('{'):
                    continue
                try:
                    c[json.loads(line).get('type', '?')] += 1
                except ValueError:
                    pass
    print(json.dumps({'total': sum(c.values()), 'by_rule': dict(c.most_common())}))


def fmt_int(n):
    return f'{n:,}'.replace(',', '\u202f') if isinstance(n, int) else str(n)


TOOL_LABELS = {
    'openapi-generator': 'openapi-generator (defaults)',
    'openapi-generator-numbered': 'openapi-generator, `numberedFieldNumberList=true`',
}


def table(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    notes = []

    def short_status(text):
        """Keeps the cell short: each buf build failure's first error goes to a note under the table."""
        def note(m):
            if m.group(2) not in notes:
                notes.append(m.group(2))
            return f"{m.group(1)} [{notes.index(m.group(2)) + 1}]"
        return re.sub(r'(does not build under buf \([0-9]+ errors), first: ([^)]*(?:\([^)]*\)[^)]*)*)\)', lambda m: note(m) + ')', text)
    out = ['| pair | tool | status | messages / fields in both | field numbers changed | enum values in both / numbers changed | buf WIRE_JSON | buf WIRE_JSON+PACKAGE (top 3 rules) |',
           '|---|---|---|---|---|---|---|---|']
    for r in rows:
        n = r.get('numbers') or {}
        status = short_status(r.get('status', '?'))
        if n:
            both = f"{fmt_int(n['messages_both'])} / {fmt_int(n['fields_both'])}"
            ch = fmt_int(n['fields_renumbered'])
            if n['fields_renumbered']:
                ch += f" (in {fmt_int(n['messages_with_renumbered'])} messages)"
            if n.get('retyped_pairs'):
                ch += (f" · {fmt_int(n['fields_renumbered_through_retype'])} of {fmt_int(n['retyped_pairs'])} retyped"
                       f" ({fmt_int(n['retypes_with_renumbered'])} with moves)")
            en = f"{fmt_int(n['enum_values_both'])} / {fmt_int(n['enum_values_renumbered'])}"
        else:
            both = ch = en = '–'

        def buf_cell(b):
            if not b:
                return '–'
            if 'error' in b:
                return 'not run: ' + b['error']
            return fmt_int(b['total'])

        wj = buf_cell(r.get('buf_wire_json'))
        all_ = r.get('buf_all')
        cell = buf_cell(all_)
        if all_ and 'by_rule' in all_ and all_['by_rule']:
            top = list(all_['by_rule'].items())[:3]
            cell += ' (' + ', '.join(f'{k} {fmt_int(v)}' for k, v in top) + ')'
        tool = TOOL_LABELS.get(r['tool'], r['tool'])
        out.append(f"| {r['pair']} | {tool} | {status} | {both} | {ch} | {en} | {wj} | {cell} |")
    if notes:
        out.append('')
        out.extend(f'[{i}] first buf build error: `` {n} ``  ' for i, n in enumerate(notes, 1))
    print('\n'.join(out))


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    if cmd == 'numbers' and len(sys.argv) == 5:
        numbers(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == 'buf' and len(sys.argv) == 3:
        buf_counts(sys.argv[2])
    elif cmd == 'table' and len(sys.argv) == 3:
        table(sys.argv[2])
    else:
        sys.exit(__doc__)
