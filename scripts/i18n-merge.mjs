#!/usr/bin/env node
// Merge a fragment of messages into public/_locales/en/messages.json.
// Usage: node scripts/i18n-merge.mjs fragment.json [--replace]
// Several people add messages at once; merging by script (read-modify-write of
// the whole catalog, ids kept in their order) avoids hand-edit conflicts.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const [fragmentPath, flag] = process.argv.slice(2);
if (!fragmentPath) {
  console.error('usage: node scripts/i18n-merge.mjs fragment.json [--replace]');
  process.exit(2);
}
const target = new URL('../public/_locales/en/messages.json', import.meta.url);
const catalog = JSON.parse(readFileSync(target, 'utf8'));
const fragment = JSON.parse(readFileSync(fragmentPath, 'utf8'));
let added = 0;
for (const [id, entry] of Object.entries(fragment)) {
  if (!/^[A-Za-z0-9_@]+$/.test(id) || id.startsWith('@@')) throw new Error(`invalid message id: ${id}`);
  if (typeof entry?.message !== 'string') throw new Error(`${id}: "message" must be a string`);
  if (id in catalog && catalog[id].message !== entry.message && flag !== '--replace') {
    throw new Error(`${id} already exists with a different message (pass --replace to overwrite)`);
  }
  if (!(id in catalog)) added++;
  catalog[id] = entry;
}
const tmp = new URL(`../public/_locales/en/messages.json.${process.pid}.tmp`, import.meta.url);
writeFileSync(tmp, JSON.stringify(catalog, null, 2) + '\n');
renameSync(tmp, target);
console.log(`merged ${Object.keys(fragment).length} messages (${added} new)`);
