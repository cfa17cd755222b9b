export type * from './api/studio-api.ts';
export { API } from './api/studio-api.ts';
export {
	createStudio,
	STUDIO_CSP,
	type StudioHandler,
	type StudioOptions,
} from './server/studio-handler.ts';
