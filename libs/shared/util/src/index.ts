export { USER_ID_PATTERN, idPattern, isId, newId, type IdPrefix } from './ids';
export { addDays, epochSeconds, isoNow, systemClock, type Clock } from './clock';
export { normalizeEmail, normalizeName } from './normalize';
export { token, type Token } from './token';
export { compareWpVersions, isWpVersion } from './wp-version';
