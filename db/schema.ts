/** Every table of the workspace, for drizzle-kit and typed queries. */
export * from './system/schema';
export * from './people/schema';
export * from './sales/schema';
export * from './work/schema';
