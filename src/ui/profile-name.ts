/** A recommendation profile's name for the views; an id this build does not know says so, and who judges instead. */
import { getProfile } from '../analysis/profiles';
import { t } from '../i18n/translate';

export function profileName(id: string): string {
  const { profile, unknown } = getProfile(id);
  return unknown ? t('ui_profile_unknown', [id, t(profile.nameId)]) : t(profile.nameId);
}
