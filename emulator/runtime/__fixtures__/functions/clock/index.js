// Fixture: what time it is inside the function (no SDK needed, which keeps its cold start cheap).

exports.main = async () => ({
  now: Date.now(),
  constructed: new Date().getTime(),
  isDate: new Date() instanceof Date,
  looksNative: new Date().constructor === Date && Date.name === 'Date' && typeof Date() === 'string',
  parsed: new Date('2024-01-01T00:00:00Z').getTime(),
});
