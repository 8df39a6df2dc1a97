import { isStorageWriteConflict, StorageWriteConflictError } from '../../src/errors/storageWriteConflictError';

describe('isStorageWriteConflict', () => {
  it.each([
    [new Error('Storage: error writing "k" due to eTag conflict.'), true],
    [Object.assign(new Error('The condition specified using HTTP conditional header(s) is not met.'), { statusCode: 412 }), true],
    [{ statusCode: 412, message: 'whatever' }, true],
    [new Error('ECONNREFUSED'), false],
    ['eTag conflict', false],
  ])('recognises storage conflicts in every wording (%#)', (error, conflict) => {
    expect(isStorageWriteConflict(error)).toBe(conflict);
  });

  it('recognises its own error, Cosmos codes and the SDK wordings of a failed condition', () => {
    expect(isStorageWriteConflict(new StorageWriteConflictError('k'))).toBe(true);
    expect(isStorageWriteConflict({ code: 412 })).toBe(true);
    expect(isStorageWriteConflict({ code: 'ConditionNotMet' })).toBe(true);
    expect(isStorageWriteConflict(new Error('Precondition Failed'))).toBe(true);
    expect(isStorageWriteConflict(new Error('The condition specified using HTTP conditional header(s) is not met.'))).toBe(true);
    expect(isStorageWriteConflict(new Error('Conditions apply; request not processed'))).toBe(false);
    expect(isStorageWriteConflict({ statusCode: 409, code: 409, message: 'Conflict' })).toBe(false);
    expect(isStorageWriteConflict(null)).toBe(false);
  });
});
