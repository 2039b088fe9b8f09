#!/usr/bin/env python3
"""How well the measurements themselves find the spacings, apart from what the selection keeps.

    for each page: copy-that extract --measurements PAGE > MEAS/<source>/<id>.json
    python3 bench/instance_recall.py --meas MEAS --corpus-root CORPUS [--sources bulma,hyperui]

Per source, and summed over the tuning and the judged sources (bench/protocol.json):
- found: the share of counted ground-truth instances that a measurement of their value (within
  1 px) lies on, placed as `fit_instances.labels` places them (along the axis over half the
  shorter of the two, across over a third);
- right: the share of measurements that lie on such an instance.

A change to the measurement shows here before any refit of the scorers: the value-level F1 also
moves with the selection, and a refit moves single sources by a few hundredths. Judged sources are
printed as aggregates only, as the protocol asks.
"""
import argparse
import json
import os
import sys

import fit_instances

HERE = os.path.dirname(os.path.abspath(__file__))


def page_counts(ms, gt):
    """(instances found, instances, measurements right, measurements) of one page."""
    ms = [m for m in ms if float(m['value_px']) > 0]
    right = int(fit_instances.labels(ms, gt).sum())
    found = total = 0
    for g in gt.get('instances', []):
        if not g.get('counted'):
            continue
        total += 1
        found += int(fit_instances.labels(ms, dict(gt, instances=[g])).sum() > 0)
    return found, total, right, len(ms)


def source_counts(meas, corpus, source):
    counts = [0, 0, 0, 0]
    folder = os.path.join(meas, source)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(corpus, source, name)) as f:
            gt = json.load(f)
        try:
            with open(os.path.join(folder, name)) as f:
                ms = json.load(f)[0]['measurements']
        except (ValueError, IndexError, KeyError):
            continue  # a page the CLI refused: nothing measured
        counts = [a + b for a, b in zip(counts, page_counts(ms, gt))]
    return counts


def line(name, c):
    return (f'{name:<16}found {c[0]:>6}/{c[1]:<6} {c[0] / max(c[1], 1):.3f}   '
            f'right {c[2]:>6}/{c[3]:<6} {c[2] / max(c[3], 1):.3f}')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--meas', required=True, help='MEAS/<source>/<id>.json from extract --measurements')
    ap.add_argument('--corpus-root', required=True)
    ap.add_argument('--sources', help='comma-separated; default: every source MEAS holds')
    a = ap.parse_args()
    with open(os.path.join(HERE, 'protocol.json')) as f:
        protocol = json.load(f)
    sources = a.sources.split(',') if a.sources else sorted(os.listdir(a.meas))
    for group in ('tune', 'judge'):
        total = [0, 0, 0, 0]
        for s in [s for s in sources if s in protocol[group]]:
            c = source_counts(a.meas, a.corpus_root, s)
            total = [x + y for x, y in zip(total, c)]
            if group == 'tune':
                print(line(s, c))
        print(line(f'{group} (sum)', total))
    return 0


if __name__ == '__main__':
    sys.exit(main())
