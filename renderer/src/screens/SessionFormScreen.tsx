// SCAFFOLD
export function SessionFormScreen(props: { forumId: string; sessionId?: string }) {
  return <p>{props.forumId}{props.sessionId}</p>;
}
