/**
 * The failures the CloudBase database API answers wx-server-sdk with: `{ code, message }` in an HTTP 200
 * body. The SDK turns `code` into `errCode` through its TCB_ERR_CODE table (unknown codes become -501001)
 * and puts `message` into `errMsg`, so function code sees e.g.
 * `collection.get:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist. ...`.
 * Messages copy the ones observed from the real cloud where they are known (see docs/emulator-db.md).
 */
export class CloudDbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudDbError';
  }
}

const CONTACT_US = ' Please check your request, but if the problem persists, contact us.';

export function collectionNotExist(): CloudDbError {
  return new CloudDbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist.${CONTACT_US}`);
}

export function collectionAlreadyExists(name: string): CloudDbError {
  return new CloudDbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist. collection: ${name}.${CONTACT_US}`);
}

/** The cloud wraps MongoDB's E11000 in a generic request failure (errCode -502001). */
export function duplicateKey(namespace: string, indexName: string, dupKey: string): CloudDbError {
  return new CloudDbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] (DuplicateKey) E11000 duplicate key error collection: ${namespace} index: ${indexName} dup key: ${dupKey}`,
  );
}

/** As observed on the cloud for a geoNear without a 2dsphere index: a generic request failure. */
export function geoIndexMissing(namespace: string, operator: string, field: string): CloudDbError {
  const reason =
    operator === '$geoNear'
      ? 'unable to find index for $geoNear query'
      : `unable to find a 2dsphere index on field '${field}' for ${operator} query`;
  return new CloudDbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation.Query] (BadValue) error processing query: ns=${namespace} field=${field} planner returned error :: caused by :: ${reason}`,
  );
}

export function badQuery(namespace: string, reason: string): CloudDbError {
  return new CloudDbError('DATABASE_REQUEST_FAILED', `[FailedOperation.Query] (BadValue) ns=${namespace} :: ${reason}`);
}

export function badWrite(namespace: string, reason: string): CloudDbError {
  return new CloudDbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ns=${namespace} :: ${reason}`);
}

/** runTransaction retries only on exactly this code. */
export function transactionConflict(): CloudDbError {
  return new CloudDbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.${CONTACT_US}`,
  );
}

export function transactionGone(transactionId: string): CloudDbError {
  return new CloudDbError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation.Transaction] (NoSuchTransaction) Transaction ${transactionId} has been committed, aborted or timed out.`,
  );
}

export function invalidParam(reason: string): CloudDbError {
  return new CloudDbError('INVALID_PARAM', reason);
}

export function unsupportedAction(action: string): CloudDbError {
  return new CloudDbError('DATABASE_INVALID_OPERRATOR', `the local CloudBase does not emulate ${action}`);
}
