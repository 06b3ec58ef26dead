import { reportMissing } from '../../programs';

/** Vitest's globalSetup: one line naming the missing programs, so the skips are not silent. */
export default function reportPrograms(): void {
  reportMissing('Unit tests');
}
