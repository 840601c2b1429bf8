export * from './common';
export * from './errors';
export * from './people';
export * from './system';
export * from './money';
export * from './sales';
export * from './work';
export * from './record-kinds';
