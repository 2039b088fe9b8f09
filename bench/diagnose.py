#!/usr/bin/env python3
"""Where the F1 of the tuning sources is lost: which ground-truth values are missed and why, which
predicted values are false, and how far the measurement found at each ground-truth instance is
from it.

    python3 bench/accuracy.py --cli CLI --corpus-root CORPUS --out OUT          # the predictions
    for each page: copy-that extract --measurements PAGE > MEAS/<source>/<id>.json
    python3 bench/diagnose.py --corpus-root CORPUS --results OUT --meas MEAS [--sources hyperui,bulma] [--pages]

Every missed value (no predicted value within ±1 CSS px) gets one cause:
- `measured, not kept`: some measurement of the page is within ±1 px of it (selection left it out);
- `wrong value there`: a measurement overlaps one of its instances, at another value (the distance
  was found, and measured wrong, e.g. a text line box placed too high);
- `never measured`: nothing was measured where it is (an invisible box, a circle, a filter).
The offsets table matches each counted ground-truth instance (its `box`, in image px) with the
measurement overlapping it most along its axis and counts measured − true in CSS px, by end kind
(T: text-derived, B: box edges), kind, side (top/bottom for paddings, else the axis) and density.

Only tuning sources (bench/protocol.json): per-page details of judged sources are never looked at.
Standard library only.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 1.0
COLUMNS = ['none', '<', -4, -3, -2, -1, 0, 1, 2, 3, 4, '>']


def pages(corpus):
    for fn in sorted(os.listdir(corpus)):
        if fn.endswith('.json') and fn != 'index.json':
            with open(os.path.join(corpus, fn)) as f:
                gt = json.load(f)
            if 'used_values' in gt and 'image' in gt:
                yield gt


def overlap(a0, a1, b0, b1):
    return min(a1, b1) - max(a0, b0)


def vertical(inst):
    """Whether an instance is measured top to bottom: its side says, else its box's shape."""
    side = inst.get('side')
    if side:
        return side in ('top', 'bottom')
    _, _, w, h = inst['box']
    return h < w


def at_instance(inst, measurements):
    """Measurements overlapping the instance's box, covering most of it along its axis."""
    x, y, w, h = inst['box']
    vert = vertical(inst)
    out = []
    for m in measurements:
        b = m['bbox']
        ox = overlap(x, x + w, b['x'], b['x'] + b['w'])
        oy = overlap(y, y + h, b['y'], b['y'] + b['h'])
        if ox <= 0 or oy <= 0:
            continue
        along, ext_gt, ext_m = (oy, h, b['h']) if vert else (ox, w, b['w'])
        if along >= 0.6 * min(ext_gt, ext_m):
            out.append(m)
    return out


def diagnose(source, corpus, results, meas, show_pages, offsets, causes):
    for gt in pages(corpus):
        pid, dpr = gt['id'], gt['dpr']
        with open(os.path.join(results, source, pid + '.json')) as f:
            pred = json.load(f)
        with open(os.path.join(meas, source, pid + '.json')) as f:
            ms = json.load(f)[0]['measurements']
        predicted = sorted({round(t['value_px'], 2) for t in pred.get('tokens', [])})
        used = sorted({float(u['value_px']) for u in gt['used_values']})
        insts = [i for i in gt.get('instances', []) if i.get('counted')]
        dens = dpr if dpr in (1, 2) else 3
        for inst in insts:
            found = at_instance(inst, ms)
            side = inst.get('side') if vertical(inst) and inst.get('side') else ('V' if vertical(inst) else 'H')
            key = ('T' if inst['text_derived'] else 'B', inst['kind'], side, dens)
            if not found:
                offsets[key]['none'] += 1
                continue
            d = round(min((m['value_px'] - inst['value_css_px'] for m in found), key=abs))
            offsets[key][d if abs(d) <= 4 else ('<' if d < 0 else '>')] += 1
        for g in used:
            causes[(source, 'values')] += 1
            if any(abs(p - g) <= TOL for p in predicted):
                continue
            there = [m for i in insts if abs(i['value_css_px'] - g) < 0.01 for m in at_instance(i, ms)]
            if any(abs(m['value_px'] - g) <= TOL for m in ms):
                cause = 'measured, not kept'
            elif there:
                cause = 'wrong value there'
            else:
                cause = 'never measured'
            causes[(source, cause)] += 1
            if show_pages:
                near = collections.Counter((m['value_px'], m['confidence'], m['context']) for m in there)
                print(f'{source} {pid} {dpr}x missed {g:g}: {cause}; there: {dict(near.most_common(4))}')
        for p in predicted:
            causes[(source, 'predicted')] += 1
            if any(abs(p - g) <= TOL for g in used):
                continue
            exact = [m for m in ms if abs(m['value_px'] - p) < 0.5]
            causes[(source, 'false, measured' if exact else 'false, snapped or merged')] += 1
            if show_pages:
                ctx = collections.Counter((m['context'], m['confidence']) for m in exact)
                print(f'{source} {pid} {dpr}x false {p:g}: {dict(ctx.most_common(4))}')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus-root', required=True)
    ap.add_argument('--results', required=True, help='OUT of bench/accuracy.py')
    ap.add_argument('--meas', required=True, help='MEAS/<source>/<id>.json from extract --measurements')
    ap.add_argument('--sources', help='comma-separated tuning sources; default: all of them')
    ap.add_argument('--pages', action='store_true', help='one line per missed or false value')
    a = ap.parse_args()
    with open(os.path.join(HERE, 'protocol.json')) as f:
        protocol = json.load(f)
    names = a.sources.split(',') if a.sources else protocol['tune']
    judged = [n for n in names if n not in protocol['tune']]
    if judged:
        sys.exit(f'not a tuning source: {", ".join(judged)} (judged sources are scored, never diagnosed)')
    offsets = collections.defaultdict(collections.Counter)
    causes = collections.Counter()
    for n in names:
        diagnose(n, os.path.join(a.corpus_root, n), a.results, a.meas, a.pages, offsets, causes)
    print(f"{'source':<10}{'values':>7}{'missed':>8}{'not kept':>9}{'wrong':>7}{'unseen':>7}"
          f"{'predicted':>10}{'false':>7}{'no meas.':>9}")
    for n in names:
        c = {k[1]: v for k, v in causes.items() if k[0] == n}
        miss = sum(c.get(k, 0) for k in ('measured, not kept', 'wrong value there', 'never measured'))
        false = c.get('false, measured', 0) + c.get('false, snapped or merged', 0)
        print(f"{n:<10}{c.get('values', 0):>7}{miss:>8}{c.get('measured, not kept', 0):>9}"
              f"{c.get('wrong value there', 0):>7}{c.get('never measured', 0):>7}{c.get('predicted', 0):>10}"
              f"{false:>7}{c.get('false, snapped or merged', 0):>9}")
    print('\nmeasured - true at each ground-truth instance (CSS px), by ends, kind, side, density:')
    for key in sorted(offsets, key=str):
        c = offsets[key]
        cells = ' '.join(f'{k}:{c[k]}' for k in COLUMNS if c[k])
        print(f"{'/'.join(str(k) for k in key):<22}{sum(c.values()):>6}  {cells}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
