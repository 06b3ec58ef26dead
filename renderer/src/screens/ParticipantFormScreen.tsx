// SCAFFOLD
export function ParticipantFormScreen(props: { forumId: string; participantId?: string }) {
  return <p>{props.forumId}{props.participantId}</p>;
}
