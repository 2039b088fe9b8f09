"""The measurement scorer behind the value scorer's instance features (crates/spacing/src/select/
instance.rs mirrors `features` exactly; instance_model.rs is what `fit` returns, written by
fit_select.py).

The value scorer is labelled per value: is the value within 1 px of one the page uses? On a page
whose system is 2, 4, 6, 8, 10, 12, 16, 20, 24 nearly any value under 25 is, so the label says little
about the measurement itself. The ground truth also says *where* each spacing is (its instances);
a measurement lying where an instance of its value lies is labelled true here. The measurement
scorer learns what such measurements look like (how long across, how often the same distance
recurs on the same axis, in the same row, beside an item of the same size), and the value scorer
reads, per value, the best, summed and mean probability of its measurements.
"""
import math

import numpy as np

CONTEXTS = ['button padding', 'badge padding', 'card padding', 'section padding', 'sidebar padding',
            'grid gutter', 'section spacing', 'stack gap', 'text gap', 'inline gap']
TYPES = ['padding', 'gap', 'margin', 'gutter']
NAMES = (['log_v', 'confidence', 'axis_y', 'log_across', 'log_across_over_v', 'n_same', 'n_same_axis',
          'n_same_row', 'n_same_size', 'on4', 'on8', 'on5'] + [f'ctx_{c.replace(" ", "_")}' for c in CONTEXTS]
         + [f'type_{t}' for t in TYPES])
# The value scorer's features made of the measurement scorer's probabilities.
AGGREGATES = ['inst_max', 'inst_sum', 'inst_mean']

TREES = 80
DEPTH = 3
RATE = 0.1


def rounded(v):
    """Rust's f64::round for the non-negative values here (Python's round halves to even)."""
    return math.floor(v + 0.5)


def on(v, unit):
    return abs(v - round(v / unit) * unit) < 0.5 and v >= unit - 0.5


def box(m):
    b = m.get('bbox') or {}
    return b.get('x', 0), b.get('y', 0), b.get('w', 0), b.get('h', 0)


def density(ms):
    """The page's pixel density as its measurements show it: a distance's box is as long as the
    distance times the density along its axis, and usually longer across; the median of the
    shorter side over the value (values of 4 px or more)."""
    r = sorted(min(box(m)[2], box(m)[3]) / float(m['value_px']) for m in ms if float(m['value_px']) >= 4)
    d = r[len(r) // 2] if r else 1.0
    return d if d > 0 else 1.0


def features(ms):
    """One row per measurement of positive value, in order."""
    ms = [m for m in ms if float(m['value_px']) > 0]
    d = density(ms)
    vals = [float(m['value_px']) for m in ms]
    axes, spans = [], []
    for m, v in zip(ms, vals):
        x, y, w, h = box(m)
        a = 0 if abs(w - v * d) <= abs(h - v * d) else 1
        axes.append(a)
        spans.append((y, y + h) if a == 0 else (x, x + w))
    by = {}
    for i, v in enumerate(vals):
        by.setdefault(rounded(v), []).append(i)

    rows = []
    for i, m in enumerate(ms):
        v, a = vals[i], axes[i]
        p0, p1 = spans[i]
        across = max(1, p1 - p0) / d
        k = rounded(v)
        same = [j for key in (k - 1, k, k + 1) for j in by.get(key, []) if j != i]
        axis = [j for j in same if axes[j] == a]
        row = sum(1 for j in axis if min(p1, spans[j][1]) - max(p0, spans[j][0])
                  > 0.5 * min(p1 - p0, spans[j][1] - spans[j][0]))
        size = sum(1 for j in axis if abs((spans[j][1] - spans[j][0]) - (p1 - p0)) <= max(2, 0.1 * (p1 - p0)))
        f = [math.log(max(v, 0.5)), float(m['confidence']), float(a), math.log(across),
             math.log(across / max(v, 1)), math.log1p(len(same)), math.log1p(len(axis)), math.log1p(row),
             math.log1p(size), float(on(v, 4)), float(on(v, 8)), float(on(v, 5))]
        f += [float((m.get('context') or '') == c) for c in CONTEXTS]
        f += [float(m.get('spacing_type') == t) for t in TYPES]
        rows.append(f)
    return np.array(rows, dtype=float).reshape(len(rows), len(NAMES))


def labels(ms, gt):
    """Per measurement of positive value: 1 when it lies where a counted ground-truth instance of
    its value (within 1 px) lies: along its axis over half the shorter of the two, across over
    a third."""
    ms = [m for m in ms if float(m['value_px']) > 0]
    dpr = gt['dpr']
    out = np.zeros(len(ms))
    inst = []
    for g in gt.get('instances', []):
        if g.get('counted'):
            x, y, w, h = g['box']
            v = g['value_css_px']
            inst.append((0 if abs(w - v * dpr) <= abs(h - v * dpr) else 1, x, y, x + w, y + h, v))
    for k, m in enumerate(ms):
        v = float(m['value_px'])
        bx, by_, bw, bh = box(m)
        a = 0 if abs(bw - v * dpr) <= abs(bh - v * dpr) else 1
        x0, y0, x1, y1 = bx, by_, bx + bw, by_ + bh
        for ga, gx0, gy0, gx1, gy1, gv in inst:
            if ga != a or abs(gv - v) > 1:
                continue
            if a == 0:
                along, alen = min(x1, gx1) - max(x0, gx0), min(x1 - x0, gx1 - gx0)
                cross, clen = min(y1, gy1) - max(y0, gy0), min(y1 - y0, gy1 - gy0)
            else:
                along, alen = min(y1, gy1) - max(y0, gy0), min(y1 - y0, gy1 - gy0)
                cross, clen = min(x1, gx1) - max(x0, gx0), min(x1 - x0, gx1 - gx0)
            if along >= 0.5 * alen - 1 and cross > 0.3 * clen:
                out[k] = 1.0
                break
    return out


def aggregates(ms, p):
    """Per value (as `image_rows` keys them): the best, summed (log1p) and mean probability of its
    measurements."""
    by = {}
    for m, q in zip([m for m in ms if float(m['value_px']) > 0], p):
        by.setdefault(float(m['value_px']), []).append(float(q))
    return {v: [max(qs), math.log1p(sum(qs)), sum(qs) / len(qs)] for v, qs in by.items()}


def fit(pages, trees_class):
    """The measurement scorer fitted on `pages` (each with 'F' features and 'L' labels)."""
    F = np.vstack([p['F'] for p in pages if len(p['F'])])
    L = np.concatenate([p['L'] for p in pages if len(p['F'])])
    return trees_class(F, L, trees=TREES, depth=DEPTH, rate=RATE)


# A small page of measurements (value, confidence, type, context, box x, y, w, h at 2x) whose
# feature rows the generated Rust carries: the Rust mirror of `features` must give them exactly.
PARITY = [
    (16.0, 0.95, 'padding', 'card padding', (100, 40, 32, 120)),
    (16.0, 0.95, 'padding', 'card padding', (468, 40, 32, 120)),
    (16.0, 0.7, 'padding', 'button padding', (120, 300, 32, 40)),
    (24.0, 0.95, 'gap', 'grid gutter', (500, 40, 48, 240)),
    (24.0, 0.3, 'gap', 'stack gap', (100, 200, 300, 48)),
    (8.0, 0.2, 'gap', 'text gap', (130, 260, 90, 16)),
    (7.0, 0.2, 'gap', 'text gap', (130, 420, 84, 14)),
    (12.5, 0.45, 'padding', None, (10, 10, 25, 25)),
    (48.0, 0.95, 'margin', 'section spacing', (0, 600, 1000, 96)),
    (3.0, 0.7, 'gap', 'inline gap', (700, 30, 6, 20)),
    (0.0, 0.9, 'gap', None, (0, 0, 0, 0)),
]


def parity_measurements():
    return [{'value_px': v, 'confidence': c, 'spacing_type': t, 'context': ctx,
             'bbox': {'x': b[0], 'y': b[1], 'w': b[2], 'h': b[3]}} for v, c, t, ctx, b in PARITY]
