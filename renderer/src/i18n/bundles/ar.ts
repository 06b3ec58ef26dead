// Every message file of one language, merged: Vite makes this its own chunk, fetched when chosen.
// documentText.json holds the words printed inside exported documents: the core's, not the screens'.
const files = import.meta.glob<Record<string, unknown>>(['../../../../resources/locales/ar/*.json', '!../../../../resources/locales/ar/documentText.json'], { eager: true, import: 'default' });
export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(files));
