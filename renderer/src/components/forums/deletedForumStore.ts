/** The forum just deleted from its overview, for the home screen's undo: outlives the screen change. */
export interface DeletedForum {
  id: string;
  title: string;
}

let last: DeletedForum | undefined;

export const deletedForumStore = {
  get: (): DeletedForum | undefined => last,
  set(forum: DeletedForum): void {
    last = forum;
  },
  clear(): void {
    last = undefined;
  },
};
