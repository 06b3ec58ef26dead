// SCAFFOLD: replaced by the real screen in this session.
export function KeyMessagesScreen(props: { forumId: string }) {
  return <p>{props.forumId}</p>;
}
