// SCAFFOLD: replaced by the real screen in this session.
export function ParticipantImportScreen(props: { forumId: string }) {
  return <p>{props.forumId}</p>;
}
