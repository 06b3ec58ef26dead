/**
 * The ARIA a text box needs to act as a combobox over a listbox of suggestions (the WAI-ARIA
 * editable combobox with list autocomplete), so every picker announces itself the same way.
 * `activeId` names the highlighted option while the list is open.
 */
export function comboboxProps(listId: string, expanded: boolean, activeId: string | undefined) {
  return {
    type: 'text',
    role: 'combobox',
    autoComplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': expanded,
    'aria-controls': listId,
    'aria-activedescendant': expanded ? activeId : undefined,
  } as const;
}
