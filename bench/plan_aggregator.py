#!/usr/bin/env python3
"""The planning documents' batch aggregator (`SpacingAggregator.aggregate_batch`, section 3.4 of
../shared/seeds/000_*.txt, with its helpers from 3.2), transcribed so that `copy-that aggregate` can
be timed against it on the same file (issue 16: the whole process at least 8× faster).

    python3 bench/plan_aggregator.py batch.json > /dev/null
    scripts/bench_aggregate.sh 1000000      # both, timed in one run

It reads the same input as `copy-that aggregate` (a JSON list of images, each a list of
measurements with `value_px` and `confidence`) and prints the library as JSON. Only the
transcription's input and output are ours; the algorithm (a linear search of the tokens so far for
each measurement, first match within the percentage threshold) is the plan's.
"""
import json
import sys
from dataclasses import dataclass, field

DEFAULT_PERCENTAGE_THRESHOLD = 0.10


def detect_base_unit(value_px):
    if value_px % 8 == 0:
        return 8
    if value_px % 4 == 0:
        return 4
    return 1


def analyze_rhythm_consistency(values):
    if not values:
        return 'unknown'
    if all(v % 8 == 0 for v in values) or all(v % 4 == 0 for v in values):
        return 'consistent'
    return 'irregular'


@dataclass
class AggregatedSpacingToken:
    value_px: float
    value_rem: float
    scale: str
    spacing_type: str
    name: str
    source_images: list = field(default_factory=list)
    confidence_scores: list = field(default_factory=list)

    @property
    def average_confidence(self):
        if not self.confidence_scores:
            return 0.0
        return sum(self.confidence_scores) / len(self.confidence_scores)

    def add_provenance(self, image_id, confidence):
        self.source_images.append(image_id)
        self.confidence_scores.append(confidence)


def find_matching_token(value_px, tokens, threshold):
    for token in tokens:
        if token.value_px == 0 or value_px == 0:
            if token.value_px == value_px:
                return token
        else:
            diff = abs(token.value_px - value_px) / max(token.value_px, value_px)
            if diff <= threshold:
                return token
    return None


def aggregate_batch(batch, threshold=DEFAULT_PERCENTAGE_THRESHOLD):
    tokens = []
    for image_idx, spacing_list in enumerate(batch):
        image_id = f'image_{image_idx}'
        for spacing in spacing_list:
            value_px = spacing['value_px']
            match = find_matching_token(value_px, tokens, threshold)
            if match:
                match.add_provenance(image_id, spacing.get('confidence', 0.5))
            else:
                token = AggregatedSpacingToken(
                    value_px=value_px, value_rem=spacing.get('value_rem', value_px / 16),
                    scale=spacing.get('scale', 'custom'), spacing_type=spacing.get('spacing_type', 'mixed'),
                    name=spacing.get('name', f'spacing-{value_px}'))
                token.add_provenance(image_id, spacing.get('confidence', 0.5))
                tokens.append(token)
    tokens.sort(key=lambda t: t.value_px)
    values = [t.value_px for t in tokens]
    statistics = {'token_count': len(tokens)} if not tokens else {
        'token_count': len(tokens), 'image_count': len(batch), 'min_spacing': min(values),
        'max_spacing': max(values), 'avg_spacing': sum(values) / len(values),
        'base_unit_detected': detect_base_unit(values[0]),
        'rhythm_consistency': analyze_rhythm_consistency(values),
        'grid_compliant_ratio': sum(1 for t in tokens if t.value_px % 4 == 0) / len(tokens),
        'average_confidence': sum(t.average_confidence for t in tokens) / len(tokens)}
    return {'token_type': 'spacing', 'token_count': len(tokens),
            'tokens': [vars(t) for t in tokens], 'statistics': statistics}


def main():
    with open(sys.argv[1]) as f:
        batch = json.load(f)
    # `copy-that aggregate` also takes {"images": [...]}: accept both shapes.
    if isinstance(batch, dict):
        batch = batch.get('images', [])
    batch = [img.get('measurements', img) if isinstance(img, dict) else img for img in batch]
    json.dump(aggregate_batch(batch), sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
