/** Light, dark, or whatever the system prefers. */
export type Theme = 'light' | 'dark' | 'system';

const KEY = 'charter-studio-theme';

export const storedTheme = (): Theme => (localStorage.getItem(KEY) as Theme | null) ?? 'system';

/** Sets the theme on the root element (`data-theme`) and remembers it. */
export function applyTheme(theme: Theme): void {
	if (theme === 'system') {
		delete document.documentElement.dataset.theme;
		localStorage.removeItem(KEY);
	} else {
		document.documentElement.dataset.theme = theme;
		localStorage.setItem(KEY, theme);
	}
}
