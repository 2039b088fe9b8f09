#!/usr/bin/env python3
"""Writes a batch of measurements for `copy-that aggregate`, like the spacing crate's criterion
benchmark: N measurements spread over 1000 images, values on an 8-step scale with ±1 px of noise,
confidences 0.5 to 0.99, from the same generator (so runs are comparable).

    python3 bench/gen_measurements.py 1000000 > batch-1m.json
    time target/release/copy-that aggregate batch-1m.json --json > /dev/null
"""

import json
import sys

SCALE = [4.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0]
MASK = (1 << 64) - 1


def batch(n, images=1000):
    state = 7

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        return state >> 33

    out = []
    for _ in range(images):
        image = []
        for _ in range(n // images):
            v = SCALE[nxt() % 8] + (nxt() % 3) - 1.0
            c = 0.5 + (nxt() % 50) / 100.0
            image.append({"value_px": v, "confidence": c, "spacing_type": "padding"})
        out.append(image)
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    json.dump(batch(n), sys.stdout, separators=(",", ":"))
