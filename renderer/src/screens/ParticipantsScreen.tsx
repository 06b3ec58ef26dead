// SCAFFOLD: replaced by the real screen in this session.
export function ParticipantsScreen(props: { forumId: string }) {
  return <p>{props.forumId}</p>;
}
