#!/usr/bin/env python3
"""Scores `copy-that extract` on the development corpus and prints the per-source and per-density table.

    python3 bench/accuracy.py --cli target/release/copy-that --corpus-root ~/.cache/copy-that/corpus \
        --out /tmp/acc [--sources adminlte,uikit] [--jobs 2]

Each source is a folder of rendered pages (image + ground-truth JSON, see bench/README.md). The CLI runs
once per image (its own process, as a user would run it); its JSON goes to OUT/<source>/<id>.json and is
scored with bench/score.py. `bench/protocol.json` says which sources were tuned on and which are judged
only: the two groups are reported apart, and a change is progress only when the judged group rises too.
Standard library only.
"""
import argparse
import concurrent.futures as cf
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_one(cli, image, out_path):
    t0 = time.perf_counter()
    p = subprocess.run([cli, 'extract', '--json', image], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    ms = (time.perf_counter() - t0) * 1000
    try:
        obj = json.loads(p.stdout) if p.returncode == 0 else {'error': p.stderr[-300:]}
    except json.JSONDecodeError as e:
        obj = {'error': f'bad output: {e}'}
    if isinstance(obj, dict):
        obj['elapsed_ms'] = ms
    with open(out_path, 'w') as f:
        json.dump(obj, f)
    return obj


def predicted_dpr(obj):
    """The density the CLI used for the image, when its JSON says."""
    if not isinstance(obj, dict):
        return None
    for im in obj.get('images', []) or []:
        if isinstance(im, dict) and 'dpr' in im:
            return im['dpr']
    return obj.get('dpr')


def score_source(name, corpus, cli, out, jobs):
    res = os.path.join(out, name)
    os.makedirs(res, exist_ok=True)
    gts = []
    for fn in sorted(os.listdir(corpus)):
        if fn.endswith('.json') and fn != 'index.json':
            with open(os.path.join(corpus, fn)) as f:
                gt = json.load(f)
            if 'image' in gt and 'used_values' in gt:
                gts.append(gt)
    preds = {}
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = {ex.submit(run_one, cli, os.path.join(corpus, gt['image']), os.path.join(res, gt['id'] + '.json')): gt['id'] for gt in gts}
        for fu in cf.as_completed(futs):
            preds[futs[fu]] = fu.result()
    summary = os.path.join(out, f'{name}.score.json')
    subprocess.run([sys.executable, os.path.join(HERE, 'score.py'), '--corpus', corpus, '--results', res,
                    '--json-out', summary, '--quiet'], check=True, stdout=subprocess.DEVNULL)
    with open(summary) as f:
        rows = json.load(f)['images']
    for r in rows:
        gt = next(g for g in gts if g['id'] == r['id'])
        p = preds.get(r['id'], {})
        r['source'] = name
        r['dpr_pred'] = predicted_dpr(p)
        r['dark'] = (gt.get('style') or {}).get('theme') == 'dark'
        r['empty'] = r['n_pred'] == 0
    return rows


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float('nan')


def line(label, rows):
    hi = [r for r in rows if r['dpr'] != 1]
    dens = [r for r in hi if r['dpr_pred'] is not None]
    dens_ok = sum(1 for r in dens if abs(r['dpr_pred'] - r['dpr']) < 0.01)
    ms = sorted(r['ms'] for r in rows if r['ms'] is not None)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else 0
    med = ms[len(ms) // 2] if ms else 0
    dens_txt = f"{dens_ok:>3}/{len(dens):<3}" if dens else '   -   '
    return (f"{label:<22}{len(rows):>5}{mean(r['f1'] for r in rows):>7.3f}{mean(r['recall'] for r in rows):>7.2f}"
            f"{mean(r['precision'] for r in rows):>7.2f}{mean(r['base_ok'] for r in rows):>7.2f}  {dens_txt}"
            f"{sum(r['empty'] for r in rows):>6}{med:>7.0f}{p95:>7.0f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--cli', required=True)
    ap.add_argument('--corpus-root', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--sources', help='comma-separated; default: every folder of the corpus root')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--json-out', help='write every per-image row here')
    a = ap.parse_args()
    with open(os.path.join(HERE, 'protocol.json')) as f:
        protocol = json.load(f)
    names = a.sources.split(',') if a.sources else sorted(
        d for d in os.listdir(a.corpus_root) if os.path.isfile(os.path.join(a.corpus_root, d, 'index.json')))
    rows = []
    for n in names:
        rows += score_source(n, os.path.join(a.corpus_root, n), a.cli, a.out, a.jobs)
    head = f"{'':<22}{'pages':>5}{'f1':>7}{'rec':>7}{'prec':>7}{'base':>7}  {'dpr ok':<7}{'empty':>6}{'med ms':>7}{'p95':>7}"
    print(head)
    for n in names:
        print(line(n, [r for r in rows if r['source'] == n]))
    print()
    for d in sorted({r['dpr'] for r in rows}):
        print(line(f'dpr {d:g}', [r for r in rows if r['dpr'] == d]))
    for label, pick in [('png', lambda r: r['format'] == 'png'), ('jpeg', lambda r: r['format'] == 'jpeg'),
                        ('dark', lambda r: r['dark'])]:
        sel = [r for r in rows if pick(r)]
        if sel:
            print(line(label, sel))
    print()
    for group in ('tune', 'judge'):
        srcs = [n for n in names if n in protocol.get(group, [])]
        sel = [r for r in rows if r['source'] in srcs]
        if sel:
            # The mean over sources, so a big source does not hide a weak one.
            per = [mean(r['f1'] for r in rows if r['source'] == s) for s in srcs]
            print(line(f'{group} ({len(srcs)} src)', sel) + f"   source-mean f1 {mean(per):.3f}, worst {min(per):.3f}")
    # The sets we are scored on (Bootstrap's examples, Tailwind templates) are all on a 4 px grid:
    # the judged pages on one are the nearest stand-in for them.
    four = [r for r in rows if r['source'] in protocol.get('judge', []) and r.get('base_gt') == 4]
    if four:
        print(line('judge, 4 px pages', four))
    print(line('all', rows))
    if a.json_out:
        with open(a.json_out, 'w') as f:
            json.dump(rows, f, indent=0)
    return 0


if __name__ == '__main__':
    sys.exit(main())
