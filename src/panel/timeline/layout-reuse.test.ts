import { describe, expect, it } from 'vitest';
import { analyzeRecording, createAnalyzer } from '../../analysis';
import { liveSequence, type ChangeKind } from '../../test-support/live-sequence';
import { buildModel } from './layout';

const LINKING: ChangeKind[] = ['create', 'create', 'open', 'close', 'close', 'close-call', 'time'];

describe('buildModel over versions of a live recording (presentations kept per connection object)', () => {
  it.each<{ name: string; seed: number; kinds?: ChangeKind[] }>([
    { name: 'every kind of change', seed: 31 },
    { name: 'closures and reconnects, with eviction', seed: 32, kinds: [...LINKING, 'evict'] },
    {
      name: 'with profile changes, imports and document ends',
      seed: 33,
      kinds: [...LINKING, 'profile', 'import', 'document-end'],
    },
  ])('is the model a fresh build makes, at every step: $name', ({ seed, kinds }) => {
    const analyze = createAnalyzer();
    for (const [i, s] of liveSequence({ seed, steps: 200, kinds }).entries()) {
      const opts = { profileId: s.profileId, now: s.now };
      const kept = buildModel(s.recording, analyze(s.recording, opts));
      // All-new objects: nothing kept from earlier builds can answer for them.
      const copy = structuredClone(s.recording);
      expect(kept, `step ${i}: ${s.what}`).toStrictEqual(buildModel(copy, analyzeRecording(copy, opts)));
    }
  });

  it('is the model a fresh build makes without an analysis, and after one', () => {
    for (const s of liveSequence({ seed: 34, steps: 80, kinds: LINKING })) {
      const copy = structuredClone(s.recording);
      expect(buildModel(s.recording, null)).toStrictEqual(buildModel(copy, null));
      const opts = { now: s.now };
      expect(buildModel(s.recording, analyzeRecording(s.recording, opts))).toStrictEqual(
        buildModel(structuredClone(s.recording), analyzeRecording(copy, opts)),
      );
    }
  });
});
