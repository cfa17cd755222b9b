// Builds Studio's app unless dist/app is already newer than every source file, so `npm start`
// serves /studio on a fresh clone without rebuilding on every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist', 'app', 'index.html');

function newest(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = [join(root, 'app'), join(root, 'vite.config.ts'), join(root, 'src', 'api')];
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
	console.log('building Charter Studio (packages/studio/dist/app)…');
	execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
}
