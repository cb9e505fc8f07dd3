/** Lint with n8n's own rules for community packages, credentials and nodes. */
module.exports = {
	root: true,
	env: { node: true, es2022: true },
	parser: '@typescript-eslint/parser',
	parserOptions: { project: ['./tsconfig.eslint.json'], sourceType: 'module', extraFileExtensions: ['.json'] },
	ignorePatterns: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '.eslintrc.js', 'gulpfile.js', 'jest.config.js'],
	overrides: [
		{
			files: ['package.json'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/community'],
			rules: { 'n8n-nodes-base/community-package-json-name-still-default': 'off' },
		},
		{
			files: ['./credentials/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/credentials'],
			// A community credential links to the vendor's docs by URL, not to an n8n docs slug.
			rules: { 'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off' },
		},
		{
			files: ['./nodes/**/*.ts'],
			plugins: ['eslint-plugin-n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/nodes'],
			rules: {
				// Recipient fields follow the order a person fills them in (name, contact, access, login), as the API does.
				'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items': 'off',
			},
		},
	],
};
