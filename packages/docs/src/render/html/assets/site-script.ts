/**
 * The site's script: theme toggle, copy buttons, and the offline search and filters of the
 * index (the search index comes from `search-index.js`, so it also works from `file://`).
 */
export const SITE_JS = `(function () {
	'use strict';
	var root = document.documentElement;
	function currentTheme() {
		if (root.dataset.theme) return root.dataset.theme;
		return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
	}
	function showTheme(button) {
		var dark = currentTheme() === 'dark';
		button.setAttribute('aria-pressed', String(dark));
		button.textContent = dark ? 'Light theme' : 'Dark theme';
	}
	document.addEventListener('DOMContentLoaded', function () {
		var toggle = document.getElementById('theme-toggle');
		if (toggle) {
			showTheme(toggle);
			toggle.addEventListener('click', function () {
				var next = currentTheme() === 'dark' ? 'light' : 'dark';
				root.dataset.theme = next;
				try { localStorage.setItem('charter-theme', next); } catch (e) {}
				showTheme(toggle);
			});
		}
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
		setupIndex();
	});

	function setupIndex() {
		var form = document.getElementById('index-filters');
		if (!form) return;
		var entries = window.CHARTER_SEARCH || [];
		var byHref = {};
		entries.forEach(function (e) { byHref[e.href] = e; });
		var query = document.getElementById('search');
		var tag = document.getElementById('filter-tag');
		var owner = document.getElementById('filter-owner');
		var stability = document.getElementById('filter-stability');
		var status = document.getElementById('result-count');
		var params = new URLSearchParams(location.search);
		if (params.get('q')) query.value = params.get('q');
		function matches(entry, words) {
			if (!entry) return false;
			if (tag.value && entry.tags.indexOf(tag.value) < 0) return false;
			if (owner.value && entry.owners.indexOf(owner.value) < 0) return false;
			if (stability.value && entry.stability !== stability.value) return false;
			for (var i = 0; i < words.length; i++) if (entry.text.indexOf(words[i]) < 0) return false;
			return true;
		}
		function apply() {
			var words = query.value.toLowerCase().split(/\\s+/).filter(Boolean);
			var shown = 0;
			document.querySelectorAll('[data-entry]').forEach(function (item) {
				var ok = matches(byHref[item.getAttribute('data-entry')], words);
				item.hidden = !ok;
				if (ok) shown++;
			});
			document.querySelectorAll('[data-group]').forEach(function (group) {
				group.hidden = !group.querySelector('[data-entry]:not([hidden])');
			});
			document.querySelectorAll('[data-list]').forEach(function (list) {
				list.hidden = !list.querySelector('[data-entry]:not([hidden])');
			});
			status.textContent = shown + (shown === 1 ? ' result' : ' results');
		}
		form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
		[query, tag, owner, stability].forEach(function (input) {
			input.addEventListener('input', apply);
			input.addEventListener('change', apply);
		});
		apply();
	}
})();
`;

/** Applies a saved theme before the first paint; inlined in every page's head. */
export const THEME_BOOT = `try{var t=localStorage.getItem('charter-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}`;
