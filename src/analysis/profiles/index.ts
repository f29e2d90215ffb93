/** The recommendation profiles a user can pick (Settings.profileId). */
import type { Profile } from './types';
import { DEFAULT_PROFILE } from './default';
import { IANA_PROFILE } from './iana';
import { RFC6455_PROFILE } from './rfc6455';

export type { Profile } from './types';
export { DEFAULT_PROFILE } from './default';

export const profiles: readonly Profile[] = [DEFAULT_PROFILE, IANA_PROFILE, RFC6455_PROFILE];

/** The profile with this id; an unknown (or missing) id gives the default, flagged so the UI can say so. */
export function getProfile(id: string | undefined): { profile: Profile; unknown: boolean } {
  if (id === undefined) return { profile: DEFAULT_PROFILE, unknown: false };
  const found = profiles.find((p) => p.id === id);
  return found ? { profile: found, unknown: false } : { profile: DEFAULT_PROFILE, unknown: true };
}
