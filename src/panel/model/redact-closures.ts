/**
 * The analysis's closures with their close reasons redacted as the recording is. The table, the detail
 * and the filter read a closure's reason from the analysis, which was judged on the real recording (so a
 * redacted reason never changes a verdict), and the redaction setting applies to what they show.
 */
import type { Analysis, Closure } from '../../analysis/types';
import { redactReason } from '../../protocol/redact';
import { byObject, mapChanged } from '../../protocol/map-changed';
import { textMemo } from '../../protocol/text-memo';

/**
 * A redactor a view keeps: a closure the last analysis also had (a live recording's next version keeps
 * most) keeps its redacted copy, so an update costs the new closures. `live` false (an imported file,
 * which has no next version) keeps nothing by closure. Closures without a secret are not copied.
 */
export function createClosureRedactor(): (analysis: Analysis, live: boolean) => Analysis {
  const done = new WeakMap<Closure, Closure>();
  return (analysis, live) => {
    // A storm repeats one reason thousands of times: each is redacted once per pass.
    const reasonOf = textMemo(redactReason);
    const redacted = byObject(
      (c: Closure) => {
        const reason = reasonOf(c.reason);
        return reason === c.reason ? c : { ...c, reason };
      },
      live ? done : undefined,
    );
    const closures = mapChanged(analysis.closures, (c) => (c.reason === '' ? c : redacted(c)));
    return closures === analysis.closures ? analysis : { ...analysis, closures };
  };
}
