/**
 * The try-it panel: sends the input to the configured server (by default the origin serving
 * the docs) the way the typed client does (path parameters into the path; GET members into
 * the query; other methods a JSON body), with the bearer token kept in session storage only,
 * and shows the response or the problem.
 */
export const TRY_IT_JS = `
	function setupTryIt() {
		var form = document.getElementById('try-form');
		var out = document.getElementById('try-result');
		if (!form || !out) return;
		var server = form.elements.server;
		var token = form.elements.token;
		var input = form.elements.input;
		var origin = /^https?:$/.test(location.protocol) ? location.origin : '';
		try {
			server.value = sessionStorage.getItem('charter-try-server') || origin;
			token.value = sessionStorage.getItem('charter-try-token') || '';
		} catch (e) { server.value = origin; }
		function show(kind, status, detail, body) {
			out.textContent = '';
			out.className = 'try-result try-' + kind;
			var line = document.createElement('p');
			var strong = document.createElement('strong');
			strong.textContent = status;
			line.appendChild(strong);
			if (detail) line.appendChild(document.createTextNode(' ' + detail));
			out.appendChild(line);
			if (body) {
				var pre = document.createElement('pre');
				pre.tabIndex = 0;
				var code = document.createElement('code');
				code.textContent = body;
				pre.appendChild(code);
				out.appendChild(pre);
			}
		}
		function request(value) {
			var whole = form.getAttribute('data-whole') === 'true';
			var method = form.getAttribute('data-method');
			var members = {};
			if (!whole) {
				if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the input must be a JSON object');
				Object.keys(value).forEach(function (k) { members[k] = value[k]; });
			}
			var path = form.getAttribute('data-path').replace(/\\{([^}]+)\\}/g, function (_m, name) {
				if (members[name] === undefined) throw new Error('the input needs "' + name + '", a path parameter');
				var part = encodeURIComponent(String(members[name]));
				delete members[name];
				return part;
			});
			if (method !== 'GET') return { method: method, path: path, body: JSON.stringify(whole ? value : members) };
			var query = new URLSearchParams();
			var pairs = whole ? [['input', value]] : Object.keys(members).map(function (k) { return [k, members[k]]; });
			pairs.forEach(function (pair) {
				(Array.isArray(pair[1]) ? pair[1] : [pair[1]]).forEach(function (item) {
					if (item === null || item === undefined) return;
					query.append(pair[0], typeof item === 'object' ? JSON.stringify(item) : String(item));
				});
			});
			var qs = query.toString();
			return { method: method, path: path + (qs ? '?' + qs : '') };
		}
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			var base = server.value.trim().replace(/\\/+$/, '');
			if (!base) return show('error', 'No server', 'Enter the URL of a server that serves this API.');
			var call;
			try { call = request(JSON.parse(input.value)); }
			catch (e) { return show('error', 'Invalid input', (e && e.message) || String(e)); }
			try {
				sessionStorage.setItem('charter-try-server', server.value.trim());
				sessionStorage.setItem('charter-try-token', token.value);
			} catch (e) {}
			var headers = { accept: 'application/json, application/problem+json' };
			if (call.body !== undefined) headers['content-type'] = 'application/json';
			if (token.value) headers.authorization = 'Bearer ' + token.value.trim();
			var started = Date.now();
			show('pending', 'Sending…', call.method + ' ' + base + call.path);
			fetch(base + call.path, { method: call.method, headers: headers, body: call.body }).then(function (response) {
				return response.text().then(function (text) {
					var data = null;
					try { data = text ? JSON.parse(text) : null; } catch (e) {}
					var ms = (Date.now() - started) + ' ms';
					var body = data === null ? text : JSON.stringify(data, null, 2);
					if (response.ok) return show('ok', response.status + ' ' + (response.statusText || 'OK'), ms, body);
					var problem = data && typeof data === 'object' && data.code ? data.code + ': ' + (data.detail || data.title || '') : '';
					show('problem', response.status + ' ' + (response.statusText || 'Error'), problem + ' (' + ms + ')', body);
				});
			}, function (error) {
				show('error', 'No response', 'The request did not reach ' + base + ' (' + error.message + '). Is the server running, and does it allow this origin (CORS)?');
			});
		});
	}
`;
