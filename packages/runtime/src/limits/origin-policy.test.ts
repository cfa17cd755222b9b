import { describe, expect, it } from 'vitest';
import { isLoopbackHost, LOOPBACK_HOSTS, refusedOrigin } from './origin-policy.ts';

describe('refusedOrigin (DNS rebinding, cross-site calls)', () => {
	const loopback = { allowedHosts: LOOPBACK_HOSTS };

	it('on a loopback server, accepts its own names on any port and refuses a rebound name', () => {
		for (const host of ['localhost:3000', '127.0.0.1:8080', '[::1]:3000', 'LOCALHOST'])
			expect(refusedOrigin(loopback, host, undefined)).toBeUndefined();
		expect(refusedOrigin(loopback, 'evil.example:3000', undefined)).toMatch(/Host/);
		expect(refusedOrigin(loopback, 'localhost.evil.example', undefined)).toMatch(/Host/);
		expect(refusedOrigin(loopback, undefined, undefined)).toMatch(/Host/);
	});

	it('a listed host with a port accepts that port only', () => {
		const policy = { allowedHosts: ['api.example.com:8443'] };
		expect(refusedOrigin(policy, 'api.example.com:8443', undefined)).toBeUndefined();
		expect(refusedOrigin(policy, 'api.example.com:9000', undefined)).toMatch(/Host/);
	});

	it('accepts no Origin (not a browser), its own origin and listed origins; refuses others', () => {
		const policy = { allowedOrigins: ['https://app.example.com/'] };
		expect(refusedOrigin(policy, 'api.example.com', undefined)).toBeUndefined();
		expect(refusedOrigin(policy, 'api.example.com', 'https://api.example.com')).toBeUndefined();
		expect(refusedOrigin(policy, 'api.example.com', 'https://APP.example.com')).toBeUndefined();
		expect(refusedOrigin(policy, 'api.example.com', 'https://evil.example')).toMatch(/Origin/);
		expect(refusedOrigin(policy, 'api.example.com', 'null')).toMatch(/Origin/);
		expect(refusedOrigin(policy, 'api.example.com', 'file://api.example.com')).toMatch(/Origin/);
		expect(refusedOrigin({ allowedOrigins: '*' }, 'a', 'https://evil.example')).toBeUndefined();
	});

	it("a rebound page (Origin and Host both the attacker's name) is refused by the host list", () => {
		const rebound = 'http://rebind.evil.example:3000';
		expect(refusedOrigin({}, 'rebind.evil.example:3000', rebound)).toBeUndefined();
		expect(refusedOrigin(loopback, 'rebind.evil.example:3000', rebound)).toMatch(/Host/);
	});

	it('knows loopback addresses', () => {
		expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopbackHost)).toBe(true);
		expect(['0.0.0.0', '10.0.0.1', '::'].some(isLoopbackHost)).toBe(false);
	});
});
