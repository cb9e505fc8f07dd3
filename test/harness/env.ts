// n8n-core reads its settings from ~/.n8n on import: give the harness a folder of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'true';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
process.env.N8N_ENCRYPTION_KEY ??= 'harness-only-key';
