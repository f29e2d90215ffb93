/**
 * Why a change of a site's setting (pause, message content) was refused, beside its switch. Always
 * rendered, and empty (taking no room) until there is a reason: a screen reader announces a change
 * inside a region it already knows, while one inserted with its text in it is not announced by all of them.
 */
import './setting-refusal.css';

export function SettingRefusal({ reason, testId }: { reason: string | undefined; testId: string }) {
  return (
    <p role="alert" className="setting-refusal" data-testid={testId}>
      {reason}
    </p>
  );
}
