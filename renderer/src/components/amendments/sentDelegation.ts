import type { Delegation } from '../../../../shared/amendments';

/**
 * A delegation as the core gets it. The form keeps a picked participant's name to show it; the core
 * is sent only the id, so the stored label follows the participant (their organisation, else name).
 */
export function sentDelegation(delegation: Delegation): Delegation {
  return delegation.participantId === null ? delegation : { participantId: delegation.participantId, name: '' };
}
