// Copies the icons and the node's codex file next to the compiled code, where n8n looks for them.
const path = require('path');
const { src, dest, task } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest(path.resolve('dist')));
}

task('build:icons', copyIcons);
