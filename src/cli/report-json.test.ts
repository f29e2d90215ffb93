import { describe, expect, it } from 'vitest';
import { emptyRecording, type Connection, type Recording } from '../protocol/recording';
import type { AuditReport } from '../audit/types';
import { parseRecording } from '../protocol/validate-recording';
import { reportJson } from './report-json';
import { renderedRow } from './test-rows';
import { runAudit } from '../audit';
import { FakePage, type Policy } from '../audit/fake-page';
import { parseScenarios } from '../audit/scenarios';
import { analyzeRecording } from '../analysis';
import { staticNow } from '../panel/hooks/use-analysis';

const conn = (id: string, url: string): Connection => ({
  id,
  api: 'WebSocket',
  url,
  protocols: ['base64url.bearer.authorization.k8s.io.ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNkluUm9hWE1pZlE'],
  frameId: 0,
  documentId: 'd',
  frameUrl: 'http://127.0.0.1:3000/#access_token=pagesecret',
  createdAt: 1_000,
  stack: 'at connect (http://127.0.0.1:3000/app.js?key=stacksecret:1:2)',
  events: [{ type: 'close', at: 2_000, code: 1012, reason: '', wasClean: true }],
  counters: { sentMessages: 1, sentSize: 20, receivedMessages: 0, receivedSize: 0 },
  lastMessages: [{ dir: 'out', at: 1_500, kind: 'text', size: 20, text: '{"auth":"msgsecret"}' }],
});

const recording: Recording = {
  ...emptyRecording(1, '0.1.0', 0),
  connections: [
    conn('1:0:d:1', 'ws://127.0.0.1:3000/live?token=one'),
    conn('1:0:d:2', 'ws://127.0.0.1:3000/live?token=two'),
  ],
};
const report: AuditReport = {
  profileId: 'default',
  startedAt: 0,
  endedAt: 3_000,
  scenarios: ['1012'],
  endpoints: ['ws://127.0.0.1:3000/live'],
  rows: [],
  recording,
};

describe('the --json report', () => {
  const json = reportJson('http://127.0.0.1:3000/', report, [renderedRow({})]);

  it('writes its recording as a default export: no secret of the page, no message content', () => {
    expect(json).not.toMatch(/one|two|pagesecret|stacksecret|msgsecret|ZXlK/);
    const rec = (JSON.parse(json) as { recording: Recording }).recording;
    // Each token its own placeholder: the two requests still differ when the file is judged again.
    const [a, b] = rec.connections.map((c) => c.url);
    expect([a, b]).toEqual([expect.stringMatching(/\?token=REDACTED/), expect.stringMatching(/\?token=REDACTED-/)]);
    expect(a).not.toBe(b);
    expect(rec.connections[0]?.lastMessages).toEqual([{ dir: 'out', at: 1_500, kind: 'text', size: 20 }]);
  });

  it('is still a file the panel imports', () => {
    expect(parseRecording(json).ok).toBe(true);
  });
});

describe('the --json report opened in the panel', () => {
  /** What the panel shows for each judged row once the file is imported (judged as use-analysis judges a file). */
  async function reopened(policy: Policy, scenarios: string, profileId?: string) {
    const page = new FakePage(['ws://127.0.0.1:3000/live'], policy);
    const parsed = parseScenarios(scenarios);
    if (!parsed.ok) throw new Error('parse');
    const report = await runAudit(page.driver(), {
      scenarios: parsed.scenarios,
      ...(profileId !== undefined && { profileId }),
    });
    const file = parseRecording(
      reportJson(
        'http://127.0.0.1:3000/',
        report,
        report.rows.map(() => renderedRow({})),
      ),
    );
    if (!file.ok) throw new Error('import');
    // The panel judges an imported file by the profile it is told (the file's, when the user chooses it) at staticNow.
    const analysis = analyzeRecording(file.recording, {
      profileId: file.recording.profileId ?? 'default',
      now: staticNow(file.recording),
    });
    return {
      report,
      file: file.recording,
      levels: report.rows.map((r) => [r.level, analysis.verdictByClosure[r.closureId ?? '']?.level]),
    };
  }

  it('judges each closure as the report did, also a close the page never answered', async () => {
    // A page that never reconnects: the report says "no reconnect" once the link window has passed.
    const { levels, report, file } = await reopened(() => null, '1012');
    expect(levels).toEqual([['problem', 'problem']]);
    expect(file.exportedAt).toBe(report.endedAt);
  });

  it('names the profile that judged it, so that the panel says when another judges it there', async () => {
    const { file } = await reopened(() => 1500, '1012', 'iana');
    expect(file.profileId).toBe('iana');
  });
});
