import { NAV_JS } from './nav-script.ts';
import { SEARCH_JS } from './search-script.ts';
import { TRY_IT_JS } from './try-it-script.ts';

/** Applies a saved theme before the first paint: loaded (not inlined) in every page's head. */
export const THEME_JS = `try{var t=localStorage.getItem('charter-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}\n`;

const BASE_JS = `
	function currentTheme() {
		if (root.dataset.theme) return root.dataset.theme;
		return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
	}
	function showTheme(button) {
		var dark = currentTheme() === 'dark';
		button.setAttribute('aria-pressed', String(dark));
		button.textContent = dark ? 'Light theme' : 'Dark theme';
	}
	function setupTheme() {
		var toggle = document.getElementById('theme-toggle');
		if (!toggle) return;
		showTheme(toggle);
		toggle.addEventListener('click', function () {
			var next = currentTheme() === 'dark' ? 'light' : 'dark';
			root.dataset.theme = next;
			try { localStorage.setItem('charter-theme', next); } catch (e) {}
			showTheme(toggle);
		});
	}
	function setupCopy() {
		document.querySelectorAll('[data-copy]').forEach(function (box, i) {
			var code = box.querySelector('code');
			if (!code) return;
			if (!code.id) code.id = 'block-' + i;
			var button = document.createElement('button');
			button.type = 'button';
			button.className = 'copy';
			button.setAttribute('data-target', code.id);
			button.setAttribute('aria-label', 'Copy code');
			button.textContent = 'Copy';
			box.appendChild(button);
		});
		document.querySelectorAll('button.copy').forEach(function (button) {
			button.addEventListener('click', function () {
				var code = document.getElementById(button.getAttribute('data-target'));
				if (!code || !navigator.clipboard) return;
				navigator.clipboard.writeText(code.textContent).then(function () {
					button.textContent = 'Copied';
					setTimeout(function () { button.textContent = 'Copy'; }, 1500);
				});
			});
		});
	}
	function setupTabs() {
		var saved = null;
		try { saved = localStorage.getItem('charter-tab'); } catch (e) {}
		document.querySelectorAll('[data-tabs]').forEach(function (box) {
			var list = box.querySelector('[role=tablist]');
			var tabs = Array.prototype.slice.call(box.querySelectorAll('[role=tab]'));
			list.hidden = false;
			box.classList.add('tabs-ready');
			function select(tab, remember) {
				tabs.forEach(function (t) {
					var on = t === tab;
					t.setAttribute('aria-selected', String(on));
					t.tabIndex = on ? 0 : -1;
					document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
				});
				if (remember) try { localStorage.setItem('charter-tab', tab.textContent); } catch (e) {}
			}
			var first = tabs.filter(function (t) { return t.textContent === saved; })[0] || tabs[0];
			select(first, false);
			tabs.forEach(function (tab, i) {
				tab.addEventListener('click', function () { select(tab, true); });
				tab.addEventListener('keydown', function (event) {
					var next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -2;
					if (next === -2) return;
					event.preventDefault();
					var target = tabs[(next + tabs.length) % tabs.length];
					select(target, true);
					target.focus();
				});
			});
		});
	}
	function setupIndex() {
		var form = document.getElementById('index-filters');
		if (!form) return;
		var tag = document.getElementById('filter-tag');
		var owner = document.getElementById('filter-owner');
		var stability = document.getElementById('filter-stability');
		var status = document.getElementById('result-count');
		function has(item, name, value) {
			return !value || JSON.parse(item.getAttribute(name) || '[]').indexOf(value) >= 0;
		}
		function apply() {
			var shown = 0;
			document.querySelectorAll('[data-entry]').forEach(function (item) {
				var ok = has(item, 'data-tags', tag.value) && has(item, 'data-owners', owner.value) &&
					(!stability.value || item.getAttribute('data-stability') === stability.value);
				item.hidden = !ok;
				if (ok) shown++;
			});
			document.querySelectorAll('[data-group]').forEach(function (group) {
				group.hidden = !group.querySelector('[data-entry]:not([hidden])');
			});
			document.querySelectorAll('[data-list]').forEach(function (list) {
				list.hidden = !list.querySelector('[data-entry]:not([hidden])');
			});
			status.textContent = tag.value || owner.value || stability.value ? shown + (shown === 1 ? ' result' : ' results') : '';
		}
		form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
		[tag, owner, stability].forEach(function (input) { input.addEventListener('change', apply); });
		apply();
	}
`;

/**
 * The site's script: theme, copy buttons, snippet tabs, the sidebar (from `nav.js`), the one
 * search (its index loads on first use), the reference filters and the try-it panel. A file,
 * never inline, so pages run under `script-src 'self'`.
 */
export const SITE_JS = `(function () {
	'use strict';
	var root = document.documentElement;
	var siteRoot = root.getAttribute('data-root') || '';
${BASE_JS}${NAV_JS}${SEARCH_JS}${TRY_IT_JS}
	function start() {
		setupTheme();
		setupNav();
		setupSearch();
		setupCopy();
		setupTabs();
		setupIndex();
		setupTryIt();
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
`;
