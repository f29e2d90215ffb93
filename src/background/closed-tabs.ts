/**
 * Tabs the browser closed, by id. A relay's message can reach the worker after its tab's removal (the two
 * come through different queues), and a recording begun then would stay in storage.session, counted
 * against the quota every tab shares, with no tab to show or remove it. Chromium and Firefox never give a
 * closed tab's id to another within a session, so a closed id stays closed; the newest ones are kept.
 */
export class ClosedTabs {
  private readonly ids = new Set<number>();

  constructor(private readonly max = 4096) {}

  add(id: number): void {
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as number);
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }
}
