// SCAFFOLD: replaced by the real screen in this session.
export function CaptureScreen(props: { forumId: string; sessionId?: string | undefined }) {
  return <p>{props.forumId}{props.sessionId}</p>;
}
