/**
 * The one search, in the header: `/` or Ctrl+K focuses it; results across guides and
 * reference appear as a list box under it (arrows move, Enter opens). The index
 * (`search-index.js`) loads on first use.
 */
export const SEARCH_JS = `
	function setupSearch() {
		var input = document.getElementById('site-search');
		var list = document.getElementById('search-results');
		if (!input || !list) return;
		var waiting = null;
		var results = [];
		var active = -1;
		function load(then) {
			if (window.CHARTER_SEARCH) return then();
			if (waiting) { waiting.push(then); return; }
			waiting = [then];
			var script = document.createElement('script');
			script.src = siteRoot + 'search-index.js';
			script.onload = function () { var q = waiting; waiting = null; q.forEach(function (f) { f(); }); };
			document.head.appendChild(script);
		}
		function score(entry, words) {
			var title = entry.title.toLowerCase();
			// A title's words: workflow.instance.pause is workflow, instance and pause.
			var parts = title.split(/[^a-z0-9]+/);
			var total = 0;
			for (var i = 0; i < words.length; i++) {
				var w = words[i];
				if (entry.text.indexOf(w) < 0) return -1;
				if (title === w) total += 100;
				else if (parts.indexOf(w) >= 0) total += 60;
				else if (title.indexOf(w) === 0) total += 40;
				else if (title.indexOf(w) >= 0) total += 20;
				else total += 1;
			}
			if (entry.method || entry.kind === 'guide') total += 5;
			return total;
		}
		function close() {
			list.hidden = true;
			input.setAttribute('aria-expanded', 'false');
			input.removeAttribute('aria-activedescendant');
			active = -1;
		}
		function mark() {
			Array.prototype.forEach.call(list.children, function (item, i) {
				item.setAttribute('aria-selected', String(i === active));
			});
			if (active >= 0) {
				input.setAttribute('aria-activedescendant', 'search-option-' + active);
				list.children[active].scrollIntoView({ block: 'nearest' });
			} else input.removeAttribute('aria-activedescendant');
		}
		function update() {
			var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
			list.textContent = '';
			active = -1;
			if (words.length === 0) return close();
			var ranked = (window.CHARTER_SEARCH || [])
				.map(function (entry) { return { entry: entry, score: score(entry, words) }; })
				.filter(function (r) { return r.score >= 0; })
				.sort(function (a, b) { return b.score - a.score; });
			// Both halves of the site get a place: up to four guide results beside the reference.
			function isGuide(r) { return r.entry.kind === 'guide' || r.entry.kind === 'section'; }
			var guides = ranked.filter(isGuide).slice(0, 4);
			var reference = ranked.filter(function (r) { return !isGuide(r); }).slice(0, 12 - guides.length);
			var guideFirst = guides.length > 0 && (reference.length === 0 || guides[0].score > reference[0].score);
			results = (guideFirst ? guides.concat(reference) : reference.concat(guides))
				.map(function (r) { return r.entry; });
			if (results.length === 0) {
				var none = document.createElement('li');
				none.className = 'search-none';
				none.setAttribute('role', 'option');
				none.setAttribute('aria-disabled', 'true');
				none.textContent = 'No results for "' + input.value + '"';
				list.appendChild(none);
			}
			results.forEach(function (entry, i) {
				var item = document.createElement('li');
				item.id = 'search-option-' + i;
				item.setAttribute('role', 'option');
				item.setAttribute('aria-selected', 'false');
				var a = document.createElement('a');
				a.href = siteRoot + entry.href;
				a.tabIndex = -1;
				var kind = document.createElement('span');
				kind.className = entry.method ? 'method method-' + entry.method.toLowerCase() : 'kind';
				kind.textContent = entry.method || entry.kind;
				a.appendChild(kind);
				a.appendChild(document.createTextNode(' '));
				var title = document.createElement('span');
				title.className = 'result-title';
				title.textContent = entry.title;
				a.appendChild(title);
				if (entry.section) {
					var where = document.createElement('span');
					where.className = 'result-section';
					where.textContent = entry.section;
					a.appendChild(where);
				}
				item.appendChild(a);
				list.appendChild(item);
			});
			list.hidden = false;
			input.setAttribute('aria-expanded', 'true');
		}
		input.addEventListener('focus', function () { load(function () {}); });
		input.addEventListener('input', function () { load(update); });
		input.addEventListener('keydown', function (event) {
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				if (results.length === 0) return;
				event.preventDefault();
				active = event.key === 'ArrowDown' ? (active + 1) % results.length : (active <= 0 ? results.length : active) - 1;
				mark();
			} else if (event.key === 'Enter') {
				var target = results[active >= 0 ? active : 0];
				if (target && !list.hidden) { event.preventDefault(); location.href = siteRoot + target.href; }
			} else if (event.key === 'Escape') {
				close();
			}
		});
		document.addEventListener('keydown', function (event) {
			var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((document.activeElement || {}).tagName || '');
			if ((event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey))) {
				event.preventDefault();
				input.focus();
				input.select();
			}
		});
		document.addEventListener('click', function (event) {
			if (!event.target.closest || !event.target.closest('.search')) close();
		});
	}
`;
