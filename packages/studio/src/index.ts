export type * from './api/studio-api.ts';
export { API } from './api/studio-api.ts';
export { STUDIO_CSP } from './server/static-assets.ts';
export {
	createStudio,
	type StudioHandler,
	type StudioOptions,
} from './server/studio-handler.ts';
export { createStudioProxy, type StudioProxyOptions } from './server/studio-proxy.ts';
