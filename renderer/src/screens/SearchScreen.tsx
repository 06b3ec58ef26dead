// SCAFFOLD: replaced by the real screen in this session.
export function SearchScreen(props: { forumId: string; query?: string | undefined }) {
  return <p>{props.forumId}{props.query}</p>;
}
