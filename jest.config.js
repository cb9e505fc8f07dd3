/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	modulePathIgnorePatterns: ['<rootDir>/test/e2e/n8n1', '<rootDir>/test/e2e/n8n2', '<rootDir>/bench/deps', '<rootDir>/dist'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	testTimeout: 120000,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
	// n8n-core leaves a handle open after a workflow run that nothing here can close.
	forceExit: true,
};
