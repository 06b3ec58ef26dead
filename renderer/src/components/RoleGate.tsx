import { useId, type ReactNode, type SyntheticEvent } from 'react';
import type { Permission } from '../hooks/useForumRoles';

/** What a gated control spreads onto itself. */
export interface GateProps {
  'aria-disabled'?: true;
  'aria-describedby'?: string;
  title?: string;
  readOnly?: true;
}

interface Props {
  permission: Permission;
  /**
   * `action` (a button, a select): it stays focusable and keeps its name, but clicks and changes
   * stop at the gate. `text`: it becomes read-only, so its words can still be selected and copied.
   */
  kind?: 'action' | 'text';
  /** A description the control already has, kept before the reason. */
  describedBy?: string | undefined;
  children(gate: GateProps): ReactNode;
}

const stop = (event: SyntheticEvent) => {
  event.preventDefault();
  event.stopPropagation();
};

/**
 * A control this laptop's roles do not allow: disabled (or read-only) rather than hidden, so people
 * see what exists and learn why it is not theirs. The reason is its title (hover), its accessible
 * description (screen readers) and a note shown beside it while it is hovered or focused (keyboard).
 */
export function RoleGate({ permission, kind = 'action', describedBy, children }: Props) {
  const id = useId();
  if (permission.allowed) return <>{children(describedBy ? { 'aria-describedby': describedBy } : {})}</>;
  const gate: GateProps = {
    title: permission.reason,
    'aria-describedby': describedBy ? `${describedBy} ${id}` : id,
    ...(kind === 'text' ? { readOnly: true } : { 'aria-disabled': true }),
  };
  const blocking = kind === 'action' ? { onClickCapture: stop, onChangeCapture: stop, onMouseDownCapture: stop, onSubmitCapture: stop } : {};
  return (
    <span className={`role-gate role-gate-${kind}`} {...blocking}>
      {children(gate)}
      {/* Hidden from reading in place (and from a wrapping label's name); read as the description. */}
      <span id={id} className="role-reason" aria-hidden="true">
        {permission.reason}
      </span>
    </span>
  );
}

/**
 * A whole form this laptop's roles do not allow, reached by its address: said at its top, before
 * anyone fills it in (saving would be refused with the same reason).
 */
export function RoleNotice({ permission }: { permission: Permission }) {
  if (permission.allowed) return null;
  return <p className="hint role-hint">{permission.reason}</p>;
}
