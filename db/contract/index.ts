export * from './common';
export * from './errors';
export * from './people';
export * from './system';
