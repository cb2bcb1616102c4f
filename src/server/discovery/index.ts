export { discover, standardAutoconfigUrls, DEFAULT_ISPDB_URL, type DiscoveryOptions } from './discover';
export { parseAutoconfig, type OutgoingServerEntry, type AutoconfigParse } from './autoconfig-xml';
export { baseDomain } from '../../core/base-domain';
export { createSafeFetch, FetchError, MAX_BODY_BYTES, FETCH_TIMEOUT_MS, type FetchText, type FetchedText, type SafeFetchOptions } from './http-fetch';
