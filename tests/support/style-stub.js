// Stylesheets mean nothing to jsdom tests: they assert on what a user reads, not on paint.
module.exports = {};
