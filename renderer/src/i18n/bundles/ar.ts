// Every message file of one language, merged: Vite makes this its own chunk, fetched when chosen.
const files = import.meta.glob<Record<string, unknown>>('../../../../resources/locales/ar/*.json', { eager: true, import: 'default' });
export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(files));
