// SCAFFOLD: replaced by the real screen in this session.
export function CheckInScreen(props: { forumId: string }) {
  return <p>{props.forumId}</p>;
}
