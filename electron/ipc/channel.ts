/** The one IPC channel that carries API calls from the renderer to the core. */
export const API_CHANNEL = 'rapport:api';
