/** The sidebar, built from `window.CHARTER_NAV`: folding groups, method badges, the current page. */
export const NAV_JS = `
	function badge(method) {
		var span = document.createElement('span');
		span.className = 'method method-' + method.toLowerCase();
		span.textContent = method;
		return span;
	}
	function setupNav() {
		var nav = document.getElementById('sidebar');
		var groups = window.CHARTER_NAV;
		if (!nav || !groups) return;
		var page = root.getAttribute('data-page');
		var box = document.createElement('div');
		var heading = '';
		var current = null;
		groups.forEach(function (group) {
			var title = group.kind === 'guides' ? 'Guides' : 'Reference';
			if (title !== heading) {
				heading = title;
				var h = document.createElement('p');
				h.className = 'nav-heading';
				if (title === 'Reference') {
					var overview = document.createElement('a');
					overview.href = siteRoot + 'index.html';
					overview.textContent = 'Reference';
					if (page === 'index.html') { overview.setAttribute('aria-current', 'page'); current = overview; }
					h.appendChild(overview);
				} else h.textContent = title;
				box.appendChild(h);
			}
			var details = document.createElement('details');
			var summary = document.createElement('summary');
			summary.textContent = group.title;
			details.appendChild(summary);
			var list = document.createElement('ul');
			group.links.forEach(function (link) {
				var item = document.createElement('li');
				var a = document.createElement('a');
				a.href = siteRoot + link.h;
				if (link.m) { a.appendChild(badge(link.m)); a.appendChild(document.createTextNode(' ')); }
				var text = document.createElement('span');
				text.className = 'nav-text';
				// Long keys break after their dots, never inside a word.
				link.t.split('.').forEach(function (part, i, parts) {
					text.appendChild(document.createTextNode(part + (i < parts.length - 1 ? '.' : '')));
					if (i < parts.length - 1) text.appendChild(document.createElement('wbr'));
				});
				a.appendChild(text);
				if (link.h === page) {
					a.setAttribute('aria-current', 'page');
					details.open = true;
					current = a;
				}
				item.appendChild(a);
				list.appendChild(item);
			});
			details.appendChild(list);
			if (group.kind === 'guides' && groups.filter(function (g) { return g.kind === 'guides'; }).length <= 3) details.open = true;
			box.appendChild(details);
		});
		nav.textContent = '';
		nav.appendChild(box);
		if (current) nav.scrollTop = Math.max(0, current.offsetTop - nav.clientHeight / 2);
		var toggle = document.getElementById('sidebar-toggle');
		if (toggle) {
			toggle.hidden = false;
			toggle.addEventListener('click', function () {
				var open = !document.body.classList.contains('nav-open');
				document.body.classList.toggle('nav-open', open);
				toggle.setAttribute('aria-expanded', String(open));
			});
		}
	}
`;
