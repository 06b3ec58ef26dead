import { chromium, reportMissing } from '../programs';

/** Playwright's globalSetup: one line naming a missing Chromium, so the skips are not silent. */
export default function reportPrograms(): void {
  reportMissing('End-to-end tests', [chromium]);
}
