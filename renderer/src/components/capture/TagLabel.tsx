import type { TagOption } from './noteFormat';

/** A tag's words; a catalogue code is isolated left to right, so "11.a" never reads "a.11" in Arabic. */
export function TagLabel({ option }: { option: TagOption }) {
  if (!option.code) return <bdi>{option.label}</bdi>;
  return (
    <>
      <bdi>{option.prefix}</bdi> <bdi dir="ltr">{option.code}</bdi>
    </>
  );
}
