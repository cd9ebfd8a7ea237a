export { Database, type DatabaseOptions, type DatabaseResponse } from './database';
export { CloudDbError } from './errors';
export type { Doc } from './ejson';
export { INDEX_FILE_PATH, loadIndexFile, validateIndexFile, type IndexFile, type IndexSpec } from './indexes';
export { AGGREGATE_DEFAULT_LIMIT } from './operations';
export { DEFAULT_LIMIT, MAX_LIMIT } from './protocol';
