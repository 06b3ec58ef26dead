import { api } from '../../api/plenaryApi';
import { createBundleSession } from './createBundleSession';

/**
 * The window's one import session: kept here, outside any component, so an import goes on and its
 * progress is still there when the user leaves the screen and comes back.
 */
export const bundleSession = createBundleSession(api);
