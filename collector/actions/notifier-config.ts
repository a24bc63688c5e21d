// STUB (issue 5 in progress): the helper building notifiers replaces this file.
/* eslint-disable @typescript-eslint/no-unused-vars -- stub */
import type { SettingsOrigin } from '../../common/yaml-config.js';
import { settingError } from '../../common/yaml-config.js';
import type { NotifierConfig } from './action-config.js';

export function parseNotifiers(values: readonly unknown[], origin: SettingsOrigin): NotifierConfig[] {
  if (values.length > 0) throw settingError(origin, ['notifiers'], 'notifiers are not supported by this build yet');
  return [];
}
