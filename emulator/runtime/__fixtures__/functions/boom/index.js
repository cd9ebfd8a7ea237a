// Fixture: a function that throws (no SDK needed, which keeps its cold start cheap).

exports.main = async (event) => {
  throw new TypeError(`boom: ${event.reason}`);
};
