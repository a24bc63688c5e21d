// STUB (issue 5 in progress): the helper building terminators replaces this file.
/* eslint-disable @typescript-eslint/no-unused-vars -- stub */
import type { SettingsOrigin } from '../../common/yaml-config.js';
import { settingError } from '../../common/yaml-config.js';
import type { TerminatorConfig } from './action-config.js';

export function parseTerminator(_value: unknown, origin: SettingsOrigin): TerminatorConfig {
  throw settingError(origin, ['terminator'], 'terminators are not supported by this build yet');
}
